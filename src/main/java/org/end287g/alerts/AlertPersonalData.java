package org.end287g.alerts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.end287g.privacy.PersonalDataHolder;

import org.springframework.stereotype.Component;

/**
 * Section "alerts" of a person's data: the places they follow, since when, and whether
 * they confirmed. Forgetting deletes every subscription.
 */
@Component
class AlertPersonalData implements PersonalDataHolder {

	private final AlertSubscriptions subscriptions;

	AlertPersonalData(AlertSubscriptions subscriptions) {
		this.subscriptions = subscriptions;
	}

	@Override
	public String section() {
		return "alerts";
	}

	@Override
	public Map<String, Object> describe(String emailIndex) {
		List<Map<String, Object>> places = this.subscriptions.of(emailIndex).stream().map((held) -> {
			Map<String, Object> place = new LinkedHashMap<>();
			place.put("place", held.place());
			place.put("since", held.since().toString());
			place.put("confirmedAt", held.confirmedAt().map(Object::toString).orElse(null));
			return place;
		}).toList();
		return places.isEmpty() ? Map.of() : Map.of("places", places);
	}

	@Override
	public Optional<String> address(String emailIndex) {
		return this.subscriptions.address(emailIndex);
	}

	@Override
	public void forget(String emailIndex) {
		this.subscriptions.forget(emailIndex);
	}

}
