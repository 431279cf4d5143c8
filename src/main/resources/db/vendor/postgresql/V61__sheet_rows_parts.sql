-- A sheet's rows in several parts (SheetRows.PART_CHARS characters each, about ten for 8,000
-- rows) instead of one text: a text over half a megabyte is allocated outside the JVM's young
-- generation, and a thousand of them kept the collector marking the whole heap. The rows stored
-- so far become part 0 of their sheet.
alter table sheet_rows add column part integer not null default 0;
alter table sheet_rows drop constraint sheet_rows_pkey;
alter table sheet_rows add primary key (sheet_id, part);
