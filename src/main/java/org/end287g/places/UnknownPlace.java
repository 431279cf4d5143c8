package org.end287g.places;

/** A state or county code that the bundled places do not hold (or cannot draw). */
public final class UnknownPlace extends RuntimeException {

	private UnknownPlace(String message) {
		super(message);
	}

	public static UnknownPlace forStateCode(String stateCode) {
		return new UnknownPlace("No map for state code " + stateCode);
	}

}
