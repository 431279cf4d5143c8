-- Issue "Tracker at scale": the name the latest sheet listed each agreement under, so a
-- new sheet is applied to the history without replaying every earlier one. Null until
-- the history is next written in full (the importer does that when it finds it null on
-- an agreement that has history).
alter table agreement add column listed_as varchar(300);
