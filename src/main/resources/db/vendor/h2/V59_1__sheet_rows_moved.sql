-- The rows of sheet_row moved into sheet_rows (V59), one row per sheet, in row order.
insert into sheet_rows (sheet_id, row_count, agreement_ids, content)
select sheet_id, count(*),
       string_agg(coalesce(cast(agreement_id as varchar), '') || ',', '' order by row_number),
       string_agg(cast(row_number as varchar) || char(9)
                  || coalesce(replace(replace(replace(replace(raw_state, '\', '\\'), char(9), '\t'), char(10), '\n'), char(13), '\r'), '\N') || char(9)
                  || coalesce(replace(replace(replace(replace(raw_agency, '\', '\\'), char(9), '\t'), char(10), '\n'), char(13), '\r'), '\N') || char(9)
                  || coalesce(replace(replace(replace(replace(raw_kind, '\', '\\'), char(9), '\t'), char(10), '\n'), char(13), '\r'), '\N') || char(9)
                  || coalesce(replace(replace(replace(replace(raw_county, '\', '\\'), char(9), '\t'), char(10), '\n'), char(13), '\r'), '\N') || char(9)
                  || coalesce(replace(replace(replace(replace(raw_model, '\', '\\'), char(9), '\t'), char(10), '\n'), char(13), '\r'), '\N') || char(9)
                  || coalesce(replace(replace(replace(replace(raw_signed, '\', '\\'), char(9), '\t'), char(10), '\n'), char(13), '\r'), '\N') || char(9)
                  || coalesce(replace(replace(replace(replace(raw_moa, '\', '\\'), char(9), '\t'), char(10), '\n'), char(13), '\r'), '\N') || char(9)
                  || coalesce(replace(replace(replace(replace(raw_addendum, '\', '\\'), char(9), '\t'), char(10), '\n'), char(13), '\r'), '\N') || char(9)
                  || coalesce(replace(replace(replace(replace(issues, '\', '\\'), char(9), '\t'), char(10), '\n'), char(13), '\r'), '\N') || char(10), '' order by row_number)
from sheet_row
group by sheet_id;

drop table sheet_row;
