-- The shipped wins of agencies that ICE's lists no longer hold name the address the tracker
-- would give them, so each has an agency page at /agencies/{slug} (history, figures, help
-- near its county) like Mecklenburg's. Harris and Alamance keep none: ICE lists them again,
-- and their page is the tracker's, where a win from before would read as today's.
UPDATE wins SET agency_slug = 'nj-hudson-county'
	WHERE slug = 'nj-hudson-county-2018' AND agency_slug IS NULL;
UPDATE wins SET agency_slug = 'ca-orange-county-sheriffs-department'
	WHERE slug = 'ca-orange-county-sheriffs-department' AND agency_slug IS NULL;
UPDATE wins SET agency_slug = 'az-maricopa-county-sheriffs-office'
	WHERE slug = 'az-maricopa-county-sheriffs-office' AND agency_slug IS NULL;
