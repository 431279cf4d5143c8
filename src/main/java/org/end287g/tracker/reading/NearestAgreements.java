package org.end287g.tracker.reading;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

import org.end287g.places.Places;
import org.end287g.tracker.reading.NearbyAgreements.Distant;

/** The listed agreements closest to a point, by the centroid of their agency's county. */
final class NearestAgreements {

	private NearestAgreements() {
	}

	/**
	 * Distances are computed per county (a few thousand at most), keeping only the
	 * closest {@code limit} counties in a heap: each of them has at least one agreement.
	 */
	static List<Distant> find(TrackerSnapshot.Indexes indexes, double latitude, double longitude, String countyFips,
			int limit) {
		PriorityQueue<Map.Entry<TrackerSnapshot.CountyPoint, Double>> closest = new PriorityQueue<>(limit + 1,
				Map.Entry.<TrackerSnapshot.CountyPoint, Double>comparingByValue().reversed());
		for (TrackerSnapshot.CountyPoint point : indexes.countyPoints()) {
			boolean full = closest.size() == limit;
			// One degree of latitude is at least 110 km: most counties are ruled out
			// without trigonometry.
			if ((full && Math.abs(point.latitude() - latitude) * 110 > closest.peek().getValue())
					|| point.fips().equals(countyFips)) {
				continue;
			}
			double km = Places.distanceKm(latitude, longitude, point.latitude(), point.longitude());
			if (!full || km < closest.peek().getValue()) {
				closest.add(Map.entry(point, km));
				if (closest.size() > limit) {
					closest.poll();
				}
			}
		}
		List<Distant> nearest = new ArrayList<>(limit);
		closest.stream()
			.sorted(Map.Entry.comparingByValue())
			.forEach((county) -> county.getKey()
				.listed()
				.forEach((agreement) -> nearest.add(new Distant(agreement, county.getValue()))));
		return List.copyOf(nearest.subList(0, Math.min(limit, nearest.size())));
	}

}
