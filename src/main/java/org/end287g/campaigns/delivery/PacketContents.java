package org.end287g.campaigns.delivery;

import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.end287g.campaigns.Campaign;
import org.end287g.campaigns.signing.SignatureCounts;
import org.end287g.campaigns.signing.Signers;
import org.end287g.places.Places;
import org.end287g.places.State;
import org.end287g.tracker.AgencyProfile;
import org.end287g.tracker.AgencyView;
import org.end287g.tracker.TrackerReader;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What a campaign's delivery packet says: the target as the tracker names it now, the
 * petition (the leaders' text in its language, else the sample in the page's language),
 * the count and the valid signers, by city.
 */
@Component
class PacketContents {

	private final TrackerReader tracker;

	private final Places places;

	private final MessageSource messages;

	private final SignatureCounts counts;

	private final Signers signers;

	PacketContents(TrackerReader tracker, Places places, MessageSource messages, SignatureCounts counts,
			Signers signers) {
		this.tracker = tracker;
		this.places = places;
		this.messages = messages;
		this.counts = counts;
		this.signers = signers;
	}

	DeliveryPacket.Contents of(Campaign campaign, boolean comments, Locale requested) {
		Locale language;
		String petition;
		AgencyView agency = this.tracker.agency(campaign.agencySlug()).map(AgencyProfile::agency).orElse(null);
		String name = (agency != null) ? agency.name() : campaign.title();
		if (campaign.petitionText() != null && !campaign.petitionText().isBlank()) {
			language = Locale
				.forLanguageTag((campaign.petitionLanguage() != null) ? campaign.petitionLanguage() : "en");
			petition = campaign.petitionText();
		}
		else {
			language = "es".equals(requested.getLanguage()) ? Locale.forLanguageTag("es") : Locale.ENGLISH;
			String stateName = this.places.state(campaign.state()).map(State::name).orElse(campaign.state());
			String county = (agency != null && agency.county() != null) ? agency.county().name() : stateName;
			petition = this.messages.getMessage("campaigns.petition.text", new Object[] { name, county, stateName },
					language);
		}
		return new DeliveryPacket.Contents(campaign, name, petition, this.counts.count(campaign.id()),
				byCity(this.signers.valid(campaign.id(), comments)), comments, language);
	}

	/** Signers sorted by city (those of no known city last), last and first name. */
	static List<Signers.Signer> byCity(List<Signers.Signer> signers) {
		Collator collator = Collator.getInstance(Locale.ROOT);
		collator.setStrength(Collator.SECONDARY);
		return signers.stream()
			.sorted(Comparator.comparing((Signers.Signer s) -> s.city().isEmpty())
				.thenComparing(Signers.Signer::city, collator)
				.thenComparing(Signers.Signer::lastName, collator)
				.thenComparing(Signers.Signer::firstName, collator))
			.toList();
	}

}
