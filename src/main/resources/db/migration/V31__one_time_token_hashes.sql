-- Sign-in links (finding 2 of issue 13): the table keeps only a keyed hash of each token
-- (HMAC with the PRF key, which never reaches the database), so a copy of the database
-- signs no one in; one row per account, so a new link replaces the previous one. Tokens
-- stored as they were are dropped: they lived 15 minutes.
DROP TABLE one_time_tokens;

CREATE TABLE one_time_tokens (
	account_id VARCHAR(36) NOT NULL REFERENCES accounts (id),
	token_hash VARCHAR(64) NOT NULL,
	expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
	CONSTRAINT one_time_tokens_pk PRIMARY KEY (account_id)
);

CREATE UNIQUE INDEX one_time_tokens_hash ON one_time_tokens (token_hash);
CREATE INDEX one_time_tokens_expires ON one_time_tokens (expires_at);
