-- One row per client address (today's keyed hash, as in signatures.client_hash) that
-- signed lately. The transaction that writes a batch of signatures locks the rows of its
-- addresses before counting their recent signatures, so two batches (or two instances)
-- never count the same address at once and the limit per address holds exactly. Rows idle
-- for a day are deleted: the hashes change with the daily salt and are never seen again.
create table signing_addresses (
    client_hash     varchar(64) primary key,
    locked_at       timestamp with time zone not null
);
create index signing_addresses_locked_ix on signing_addresses (locked_at);
