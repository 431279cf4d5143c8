-- Signing is limited per client address by counting that address's recent signatures
-- (the signatures are the ledger; no rate-limit row is written per signature).
create index signatures_client_ix on signatures (client_hash, created_at);
