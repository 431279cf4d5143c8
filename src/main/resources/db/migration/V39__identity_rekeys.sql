-- Blind indexes of e-mail identities (EmailAddresses.identity) that the application must
-- recompute, one row per table, because the rules of identity changed: the database
-- cannot recompute a keyed hash, so the application does it at start (it decrypts each
-- supporter's address), then deletes the row. This version adds the +tag rules of
-- Outlook.com, iCloud, Proton and Fastmail; signatures are recomputed
-- (campaigns.signing.SignatureKeys).
create table identity_rekeys (
    name            varchar(64) primary key,
    requested_at    timestamp with time zone not null
);
insert into identity_rekeys (name, requested_at) values ('signatures', current_timestamp);
