-- Leaders (issue 4): a LEADER grant names a campaign that exists. Grants for campaign ids
-- made up before this constraint must be revoked and deleted before migrating.
alter table role_grants add constraint role_grants_campaign_fk foreign key (campaign_id) references campaigns (id);
create index role_grants_campaign on role_grants (campaign_id, revoked_at);
