-- Signatures (issue 4): when the confirmation mail of an unconfirmed signature was last
-- queued, so that signing again re-sends it at most once per ten minutes.
alter table signatures add column confirm_mailed_at timestamp with time zone;
