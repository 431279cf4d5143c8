-- A help entry proposed by an organiser of an organisation in the coalition directory
-- names that organisation (accounts' organizations), so staff see who vouches for it;
-- null for staff's entries, imports and anonymous proposals.
ALTER TABLE help_entries ADD COLUMN proposed_by BIGINT REFERENCES organizations (id);
