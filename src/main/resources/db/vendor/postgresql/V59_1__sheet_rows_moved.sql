-- The rows of sheet_row moved into sheet_rows (V59), one row per sheet, in row order.
-- lz4 compresses a sheet's text several times faster than the default, at a similar size.
alter table sheet_rows alter column content set compression lz4;
alter table sheet_rows alter column agreement_ids set compression lz4;
insert into sheet_rows (sheet_id, row_count, agreement_ids, content)
select sheet_id, count(*),
       string_agg(coalesce(cast(agreement_id as varchar), '') || ',', '' order by row_number),
       string_agg(cast(row_number as varchar) || chr(9)
                  || coalesce(replace(replace(replace(replace(raw_state, '\', '\\'), chr(9), '\t'), chr(10), '\n'), chr(13), '\r'), '\N') || chr(9)
                  || coalesce(replace(replace(replace(replace(raw_agency, '\', '\\'), chr(9), '\t'), chr(10), '\n'), chr(13), '\r'), '\N') || chr(9)
                  || coalesce(replace(replace(replace(replace(raw_kind, '\', '\\'), chr(9), '\t'), chr(10), '\n'), chr(13), '\r'), '\N') || chr(9)
                  || coalesce(replace(replace(replace(replace(raw_county, '\', '\\'), chr(9), '\t'), chr(10), '\n'), chr(13), '\r'), '\N') || chr(9)
                  || coalesce(replace(replace(replace(replace(raw_model, '\', '\\'), chr(9), '\t'), chr(10), '\n'), chr(13), '\r'), '\N') || chr(9)
                  || coalesce(replace(replace(replace(replace(raw_signed, '\', '\\'), chr(9), '\t'), chr(10), '\n'), chr(13), '\r'), '\N') || chr(9)
                  || coalesce(replace(replace(replace(replace(raw_moa, '\', '\\'), chr(9), '\t'), chr(10), '\n'), chr(13), '\r'), '\N') || chr(9)
                  || coalesce(replace(replace(replace(replace(raw_addendum, '\', '\\'), chr(9), '\t'), chr(10), '\n'), chr(13), '\r'), '\N') || chr(9)
                  || coalesce(replace(replace(replace(replace(issues, '\', '\\'), chr(9), '\t'), chr(10), '\n'), chr(13), '\r'), '\N') || chr(10), '' order by row_number)
from sheet_row
group by sheet_id;

drop table sheet_row;
