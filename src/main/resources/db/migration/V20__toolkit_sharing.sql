-- Toolkit: which share link brought a signature, and leaders' own share messages.

-- The referral code the share link carried (?ref=x, kept through the signing form as a hidden
-- field; no cookie): a channel such as x, whatsapp or email; null when the signer came another way.
alter table signatures add column referral varchar(16);

-- A campaign's share messages in one language, as its leaders edited them (the site's defaults
-- apply while there is no row).
create table toolkit_share_messages (
    campaign_id  bigint                   not null references campaigns (id) on delete cascade,
    lang         varchar(2)               not null,
    social       varchar(1000)            not null,
    sms          varchar(1000)            not null,
    subject      varchar(600)             not null,
    body         varchar(8000)            not null,
    updated_by   varchar(64)              not null,
    updated_at   timestamp with time zone not null,
    primary key (campaign_id, lang)
);
