-- Security review (issue 13), findings 3 and 4.

-- Finding 3: downloading or deleting one's data through a "my data" link also takes a code
-- mailed to the address at that moment (MyDataCodes). One code per person and purpose; the
-- person is a keyed hash of their blind index (not the index itself), the code a keyed hash
-- of person, purpose and code. attempts counts wrong tries; used_at is set once.
CREATE TABLE my_data_codes (
	person_key VARCHAR(64) NOT NULL,
	purpose VARCHAR(16) NOT NULL,
	code_hash VARCHAR(64) NOT NULL,
	attempts INT NOT NULL DEFAULT 0,
	created_at TIMESTAMP WITH TIME ZONE NOT NULL,
	expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
	used_at TIMESTAMP WITH TIME ZONE,
	CONSTRAINT my_data_codes_pk PRIMARY KEY (person_key, purpose),
	CONSTRAINT my_data_codes_purpose CHECK (purpose IN ('EXPORT', 'DELETE'))
);

CREATE INDEX my_data_codes_expires ON my_data_codes (expires_at);

-- Finding 4: no plain-text column singles a supporter out, and nothing ties one person's
-- rows in two campaigns or events together.

-- A signature's city is worked out from its sealed ZIP code when it is shown.
ALTER TABLE signatures DROP COLUMN city;

-- A supporter's holders ("campaign:12", "event:7"), sealed in the supporter's own row
-- (context "supporters.holders"): how the application goes from a person to their rows.
ALTER TABLE supporters ADD COLUMN holders_sealed BYTEA;

-- Holds name the supporter by their pseudonym within the holder (a keyed hash of holder
-- and supporter id), never by id. The old table keeps its rows until the Flyway callback
-- that runs after this migration with the application's keys (PseudonymousSupporterKeys)
-- has moved them; V37 drops it.
ALTER TABLE supporter_holds RENAME TO supporter_holds_v8;

CREATE TABLE supporter_holds (
	holder VARCHAR(64) NOT NULL,
	supporter_key VARCHAR(64) NOT NULL,
	created_at TIMESTAMP WITH TIME ZONE NOT NULL,
	ended_at TIMESTAMP WITH TIME ZONE,
	CONSTRAINT supporter_holds_pk PRIMARY KEY (holder, supporter_key)
);

CREATE INDEX supporter_holds_key ON supporter_holds (supporter_key, ended_at);

-- Signatures and registrations carry the supporter's pseudonym within their campaign or
-- event instead of supporter_id (emptied by the callback, dropped by V37); a signature also
-- keeps the supporter's id sealed (context "signatures.supporter"), to write to those who
-- asked for the campaign's updates. email_key and email_domain_index become indexes within
-- the campaign or event (BlindIndex.within), recomputed by the callback.
ALTER TABLE signatures ADD COLUMN supporter_key VARCHAR(64);
ALTER TABLE signatures ADD COLUMN supporter_sealed BYTEA;
CREATE INDEX signatures_supporter_key_ix ON signatures (supporter_key);

ALTER TABLE event_registrations ADD COLUMN supporter_key VARCHAR(64);
CREATE INDEX event_registrations_supporter_key ON event_registrations (supporter_key);
