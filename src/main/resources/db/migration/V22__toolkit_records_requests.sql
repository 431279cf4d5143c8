-- Toolkit: a campaign's public-records request to its target agency (the letter is written from
-- the tracker's data; leaders record when they sent it and what the agency answered).
create table toolkit_records_requests (
    campaign_id  bigint                   primary key references campaigns (id) on delete cascade,
    sent_on      date,
    answered_on  date,
    answer       varchar(20000),
    updated_by   varchar(64)              not null,
    updated_at   timestamp with time zone not null
);
