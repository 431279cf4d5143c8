-- sheet_row grows by a whole sheet (thousands of rows) with every publication, and no query
-- looks rows up by agreement: the history replay and the out-of-order path read them all,
-- everything else by sheet (the primary key). The index on agreement_id took an insert at a
-- random place per row, in an index as large as the whole history, so the cost of a sheet
-- grew with the number of sheets before it. Agreements are deleted only after their rows.
drop index sheet_row_agreement_ix;
