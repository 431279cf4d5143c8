-- The outcome a leader proposes after delivering the petition (staff confirm it when
-- they close the campaign), and indexes for the staff's fraud checks.
alter table campaigns add column proposed_outcome varchar(16);       -- WON | LOST | ONGOING
alter table campaigns add column proposed_note varchar(2000);
alter table campaigns add column proposed_at timestamp with time zone;
alter table campaigns add column proposed_by varchar(36);
alter table campaigns add constraint campaigns_proposed_outcome_ck
    check (proposed_outcome is null or proposed_outcome in ('WON', 'LOST', 'ONGOING'));
create index signatures_campaign_client_ix on signatures (campaign_id, client_hash);
create index signatures_campaign_domain_ix on signatures (campaign_id, email_domain_index);
