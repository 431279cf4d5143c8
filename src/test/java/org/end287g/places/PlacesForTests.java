package org.end287g.places;

/** The places shipped in the jar, for plain unit tests of other modules. */
public final class PlacesForTests {

	private static final Places BUNDLED = new BundledPlaces();

	private PlacesForTests() {
	}

	public static Places bundled() {
		return BUNDLED;
	}

}
