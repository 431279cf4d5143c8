-- Token buckets of the rate limits (Bucket4j), shared by every app instance. Keys hold
-- only hashed client addresses and blind indexes, never plain values.
CREATE TABLE rate_buckets (
	id VARCHAR(200) PRIMARY KEY,
	state BYTEA,
	expires_at BIGINT
);

CREATE INDEX rate_buckets_expires ON rate_buckets (expires_at);

-- The random salt of each day's client-address hashes; deleted after two days, after
-- which no one, not even with the keys, can link a hash to an address.
CREATE TABLE daily_salts (
	salt_day DATE PRIMARY KEY,
	salt BYTEA NOT NULL
);
