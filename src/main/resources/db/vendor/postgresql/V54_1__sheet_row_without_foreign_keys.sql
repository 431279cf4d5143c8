-- sheet_row is the importer's append-only record of every row of every sheet: thousands of
-- rows a publication, written only by the import that also writes the agreements they name,
-- in the same transaction, and deleted only with their sheet (rows first). Each foreign key
-- made every copied row look up and lock (FOR KEY SHARE) its sheet and its agreement, the
-- largest part of a sheet's COPY; the importer already guarantees what they checked.
alter table sheet_row drop constraint sheet_row_agreement_id_fkey;
alter table sheet_row drop constraint sheet_row_sheet_id_fkey;

-- Every sheet moves the last listing of each agreement it lists: room on each page lets
-- PostgreSQL rewrite those rows in place (no index names the column) instead of moving them.
alter table agreement set (fillfactor = 70);
