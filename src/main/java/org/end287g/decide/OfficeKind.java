package org.end287g.decide;

/** The kinds of office in the directory; the first three head an agency. */
public enum OfficeKind {

	SHERIFF, POLICE_CHIEF, AGENCY_DIRECTOR, COUNTY_BOARD, CITY_COUNCIL, STATE_LEGISLATOR, GOVERNOR;

	/** Whether an office of this kind heads an agency of the tracker. */
	public boolean headsAgency() {
		return this == SHERIFF || this == POLICE_CHIEF || this == AGENCY_DIRECTOR;
	}

}
