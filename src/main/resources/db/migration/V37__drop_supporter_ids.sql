-- The second half of V32: the supporter ids that tied one person's holds, signatures and
-- registrations together go. The Flyway callback that runs after V32 (PseudonymousSupporterKeys)
-- has moved every row; should it not have run (a migration without the application's keys),
-- each guard below (a constraint no remaining row can meet) stops this migration rather than
-- drop what was not moved.
ALTER TABLE supporter_holds_v8 ADD CONSTRAINT supporter_holds_v8_moved CHECK (holder IS NULL);
DROP TABLE supporter_holds_v8;

ALTER TABLE signatures ADD CONSTRAINT signatures_supporter_moved CHECK (supporter_id IS NULL);
ALTER TABLE signatures DROP CONSTRAINT signatures_supporter_moved;
ALTER TABLE signatures DROP COLUMN supporter_id;

ALTER TABLE event_registrations ADD CONSTRAINT event_registrations_supporter_moved CHECK (supporter_id IS NULL);
ALTER TABLE event_registrations DROP CONSTRAINT event_registrations_supporter_moved;
ALTER TABLE event_registrations DROP COLUMN supporter_id;
