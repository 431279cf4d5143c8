-- The importer keeps a copy of agencies, their names and their agreements between sheets
-- (ImportState). These triggers count every statement that writes those tables, whoever runs
-- it: the copy is used again only when the count is the one the importer left after its last
-- sheet. One count for the three tables, once per statement (not per row).
create table tracker_writes (
    id integer primary key check (id = 1),
    n  bigint  not null
);
insert into tracker_writes (id, n) values (1, 0);

create function tracker_writes_count() returns trigger language plpgsql as $$
begin
    update tracker_writes set n = n + 1 where id = 1;
    return null;
end
$$;

create trigger agency_writes after insert or update or delete or truncate on agency
    for each statement execute function tracker_writes_count();
create trigger agency_name_writes after insert or update or delete or truncate on agency_name
    for each statement execute function tracker_writes_count();
create trigger agreement_writes after insert or update or delete or truncate on agreement
    for each statement execute function tracker_writes_count();
