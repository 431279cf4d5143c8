-- A sheet's rows stored together: one row per sheet instead of one per listed agency. Every
-- publication repeats the whole list (8,000 rows and growing), so sheet_row grew by millions of
-- rows over a long history and every import paid to write them one by one. The rows are kept
-- as ICE wrote them: content holds one line per row (row number, state, agency, type, county,
-- support type, signed, MOA, addendum, issues), tab-separated, with \\, \t, \n, \r escaped and
-- \N for an empty cell; agreement_ids holds each row's agreement followed by a comma (nothing
-- before the comma for a row that resolved to none). The vendor migration V59_1 moves the rows.
create table sheet_rows (
    sheet_id      bigint  not null primary key references ice_sheet (id),
    row_count     integer not null,
    agreement_ids text    not null,
    content       text    not null
);
