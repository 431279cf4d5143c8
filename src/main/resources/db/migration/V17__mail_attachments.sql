-- A text file sent with a message (an event's calendar file), sealed like the body
-- (PersonalDataCipher, context "mail_outbox.attachment").
ALTER TABLE mail_outbox ADD COLUMN attachment_name VARCHAR(100);
ALTER TABLE mail_outbox ADD COLUMN attachment_type VARCHAR(100);
ALTER TABLE mail_outbox ADD COLUMN attachment_sealed BYTEA;
