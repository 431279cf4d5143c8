-- A win opened from a campaign that staff closed as won: its draft links the campaign
-- (by id; the campaign is another module's), one win per campaign, so a listener run
-- again after a failure opens none twice. Null for wins from the tracker or by hand.
ALTER TABLE wins ADD COLUMN campaign_id BIGINT;

ALTER TABLE wins ADD CONSTRAINT wins_campaign UNIQUE (campaign_id);
