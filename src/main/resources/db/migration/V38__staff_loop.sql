-- Issue 14, "staff and leaders in one loop".

-- When staff were last told, by mail, of one kind of waiting work (confirmed requests to
-- lead a campaign), and whether more came since. The mails claim the row with one
-- conditional UPDATE, so any number of instances send at most one per interval.
create table staff_digests (
    kind     varchar(40) primary key,
    sent_at  timestamp with time zone,
    due      boolean not null default false
);
insert into staff_digests (kind) values ('leader-requests');

-- Organisers' questions to registrants in Spanish too: one a line, in the order of the
-- English ones (NULL: none given; a Spanish reader sees the English ones).
alter table events add column questions_es varchar(2000);

-- Two steps of the leaders' training checklist had nothing behind them; they are gone.
delete from leader_training where step in ('watch-training', 'meet-staff');
