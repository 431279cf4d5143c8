-- Sheets the importer holds for staff (agreements vanishing to nowhere, most rows
-- unreadable) instead of applying or refusing them, and where each publication date came from.
alter table ice_sheet add column review varchar(16);            -- HELD, ACCEPTED or REJECTED by staff; null when never held
alter table ice_sheet add column held_reason varchar(16);       -- VANISHED or UNREADABLE_ROWS
alter table ice_sheet add column held_vanished integer;         -- agencies gone from the list to nowhere
alter table ice_sheet add column held_moved integer;            -- agencies gone to the other list
alter table ice_sheet add column held_added integer;            -- agencies new on the list
alter table ice_sheet add column held_names varchar(4000);      -- the vanished agencies, "ST Name", one per line
alter table ice_sheet add column held_content bytea;            -- the workbook, until staff decide
alter table ice_sheet add column date_source varchar(16);       -- NAME, OPTION, LAST_MODIFIED, FETCH_TIME
alter table ice_sheet add constraint ice_sheet_review_ck check (review in ('HELD', 'ACCEPTED', 'REJECTED'));
create index ice_sheet_review_ix on ice_sheet (review);
