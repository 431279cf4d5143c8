-- One index fewer to update per signature: a client address's signatures in a campaign
-- (staff's fraud checks) are found through signatures_client_ix (client_hash, created_at),
-- which the limit per address already needs.
drop index signatures_campaign_client_ix;
