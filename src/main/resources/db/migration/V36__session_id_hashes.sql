-- Sessions (issue 13, bearer secrets): session_id now holds a keyed hash of the secret in
-- the session cookie (HMAC-SHA256 with the PRF key, 43 characters), never a value a browser
-- could present. Sessions stored under the cookie's own value end: everyone signs in again.
DELETE FROM spring_session;

ALTER TABLE spring_session ALTER COLUMN session_id SET DATA TYPE VARCHAR(64);
