-- An agreement's last listing is derived, no longer moved on every sheet: a sheet used to
-- rewrite the row of every agreement it listed (ten thousand rows a sheet, for nothing but
-- that date). The latest accepted participating sheet lists exactly the ACTIVE agreements;
-- in_pending says whether the latest accepted pending sheet lists the agreement. The column
-- last_listed keeps the last listing as of the agreement's last other change, and
-- agreement_listing gives the true one: the later of that and the latest sheet of each list
-- that lists it now. Every reader of the last listing reads it from the view.
alter table agreement add column in_pending boolean default false not null;

update agreement set in_pending = true
where status = 'PENDING'
   or (status = 'ACTIVE' and exists (
        select 1 from sheet_rows r
        where r.sheet_id = (select s.id from ice_sheet s where s.accepted and s.list = 'PENDING'
                            order by s.published_at desc, s.id desc fetch first 1 rows only)
          and ',' || r.agreement_ids like '%,' || agreement.id || ',%'));

create view agreement_listing as
select a.id,
       greatest(a.last_listed,
                case when a.status = 'ACTIVE' then (select max(s.published_at) from ice_sheet s
                                                    where s.accepted and s.list = 'PARTICIPATING') end,
                case when a.in_pending then (select max(s.published_at) from ice_sheet s
                                             where s.accepted and s.list = 'PENDING') end) as last_listed
from agreement a;

-- What one sheet changed is read after every sheet (TrackerReader.changesOf): by its index, not
-- by reading every change of the history.
create index agreement_event_sheet_ix on agreement_event (sheet_id);
