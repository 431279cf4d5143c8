-- A sheet's rows in several parts; see the PostgreSQL migration of the same version. H2 keeps the
-- primary key's index for the foreign key to ice_sheet, so the table is made again.
create table sheet_rows_parts (
    sheet_id      bigint  not null references ice_sheet (id),
    part          integer not null,
    row_count     integer not null,
    agreement_ids text    not null,
    content       text    not null,
    primary key (sheet_id, part)
);
insert into sheet_rows_parts (sheet_id, part, row_count, agreement_ids, content)
select sheet_id, 0, row_count, agreement_ids, content from sheet_rows;
drop table sheet_rows;
alter table sheet_rows_parts rename to sheet_rows;
