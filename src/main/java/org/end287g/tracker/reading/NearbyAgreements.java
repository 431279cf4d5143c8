package org.end287g.tracker.reading;

import java.util.List;

import org.end287g.places.Places;
import org.end287g.tracker.AgreementView;

/**
 * Listed (active or pending) agreements around a point: those in its county, in its
 * state, and the nearest ones elsewhere, closest first.
 */
public record NearbyAgreements(List<AgreementView> inCounty, List<AgreementView> inState, List<Distant> nearest) {

	/** An agreement with the distance from the point to its agency's county centroid. */
	public record Distant(AgreementView agreement, double distanceKm) {

		/** The distance in whole miles, as pages show it. */
		public long miles() {
			return Places.miles(this.distanceKm);
		}

	}

}
