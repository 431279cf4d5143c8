package org.end287g.help.internal;

import java.util.List;

/**
 * What the pages of other modules show of help: the entries nearest a county, and the
 * county's help page.
 *
 * @param fips the county's FIPS code, for the links
 * @param label "Mecklenburg County, NC"
 * @param found the nearest entries (perhaps none: the block still points to the directory
 * and the rights)
 */
record HelpNearby(String fips, String label, List<HelpDirectory.Found> found) {

	/** How many entries such a block shows. */
	static final int SHOWN = 3;

}
