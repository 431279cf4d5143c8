-- Urgency of each message: 0 for what a person waits for on the site right now (a link or
-- code to sign in, confirm a signature or a request, read their data), 1 for the rest
-- (updates, reminders, notices). The worker claims due messages in this order, so a
-- backlog of updates on a busy day never delays a sign-in link. The claim's index replaces
-- the old one on (status, next_attempt_at): PostgreSQL reads the due PENDING rows in
-- claim order from it, without sorting the queue.
ALTER TABLE mail_outbox ADD COLUMN priority SMALLINT DEFAULT 1 NOT NULL;
UPDATE mail_outbox SET priority = 0
WHERE template IN ('sign-in-link', 'signature-confirm', 'leader-confirm', 'my-data-link', 'my-data-code');
DROP INDEX mail_outbox_due;
CREATE INDEX mail_outbox_claim_order ON mail_outbox (status, priority, next_attempt_at, id);
