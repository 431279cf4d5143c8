package org.end287g.campaigns.signing;

import org.end287g.places.Places;
import org.end287g.places.ZipCode;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * A signer's city, as the wall, the packet, staff's checks and "my data" show it: worked
 * out from the sealed ZIP code when shown and never stored, since in a small town the
 * city nearly names the person.
 */
@Component
class Cities {

	private final Places places;

	Cities(Places places) {
		this.places = places;
	}

	/** The city of a ZIP code; {@code null} for none or an unknown one. */
	@Nullable String of(@Nullable String zip) {
		return this.places.zip(zip).map(ZipCode::city).orElse(null);
	}

}
