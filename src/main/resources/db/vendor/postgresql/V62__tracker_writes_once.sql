-- The count of V59_2 grows once per transaction that writes agencies, their names or their
-- agreements, no longer once per statement. Every increment of the one row makes a new version
-- of it that the next increment in the same transaction must step over: a sheet that adds
-- thousands of agencies (a tracker's first) wrote the row 40,000 times and spent most of its
-- time there. The importer only asks whether anyone wrote since its last sheet, which one
-- increment a transaction answers. The mark lives as long as the transaction (set_config's
-- third argument) and names it, so a pooled connection's next transaction counts again.
create or replace function tracker_writes_count() returns trigger language plpgsql as $$
begin
    if current_setting('end287g.tracker_written', true) is distinct from txid_current()::text then
        update tracker_writes set n = n + 1 where id = 1;
        perform set_config('end287g.tracker_written', txid_current()::text, true);
    end if;
    return null;
end
$$;
