-- Serialises imports and the scheduled fetch across app instances: an import holds the
-- 'import' row with select ... for update; the fetch leases the 'fetch' row until locked_until.
create table importer_lock (
    name            varchar(32)  primary key,
    locked_until    timestamp,
    locked_by       varchar(200)
);
insert into importer_lock (name) values ('import');
insert into importer_lock (name) values ('fetch');
