-- A figure may concern one of an agency's agreements (its model: JEM, TFM or WSO) rather
-- than the agency as a whole; null for the agency's figures and the national ones.
ALTER TABLE impact_figures ADD COLUMN model VARCHAR(3);
