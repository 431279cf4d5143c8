package org.end287g.coalitions.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.end287g.campaigns.Campaign;
import org.end287g.decide.Official;
import org.end287g.decide.Officials;

import org.springframework.stereotype.Component;

/**
 * Whom a campaign's letter may go to: the agency's head (from the directory, else as
 * staff typed it on the campaign) and the campaign's secondary targets.
 */
@Component
class TargetChoices {

	static final String HEAD = "head";

	private final Officials officials;

	TargetChoices(Officials officials) {
		this.officials = officials;
	}

	/** A target as the form offers it; {@code value} is an office id or {@code head}. */
	record Choice(String value, Letters.Target target) {
	}

	List<Choice> of(Campaign campaign) {
		List<Choice> choices = new ArrayList<>();
		Official head = this.officials.headOf(campaign.agencySlug()).orElse(null);
		if (head != null) {
			choices.add(choice(head));
		}
		else if (campaign.head().name() instanceof String typed) {
			choices.add(new Choice(HEAD, new Letters.Target(null, typed, campaign.title())));
		}
		for (Official official : this.officials.targetsOf(campaign.id())) {
			if (head == null || official.officeId() != head.officeId()) {
				choices.add(choice(official));
			}
		}
		return choices;
	}

	Optional<Letters.Target> chosen(Campaign campaign, String value) {
		return of(campaign).stream().filter((c) -> c.value().equals(value)).map(Choice::target).findFirst();
	}

	private static Choice choice(Official official) {
		return new Choice(Long.toString(official.officeId()),
				new Letters.Target(official.officeId(), official.name(), official.office()));
	}

}
