-- Each message's deadline: the sender says how long its content is useful (a sign-in link
-- as long as the link works; 3 days when it says nothing). Until then the worker retries
-- a message the mail server could not take; past it an unsent message ends EXPIRED, a new
-- status next to PENDING, SENDING, SENT, KEPT and FAILED (refused for good by the server).
-- Messages queued before this migration get the default.
ALTER TABLE mail_outbox ADD COLUMN expires_at TIMESTAMP WITH TIME ZONE;
UPDATE mail_outbox SET expires_at = created_at + INTERVAL '3' DAY;
ALTER TABLE mail_outbox ALTER COLUMN expires_at SET NOT NULL;
