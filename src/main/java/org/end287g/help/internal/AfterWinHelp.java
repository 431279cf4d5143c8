package org.end287g.help.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.end287g.SiteAddress;
import org.end287g.campaigns.Campaign;
import org.end287g.campaigns.CampaignPageContributor;
import org.end287g.campaigns.CampaignStatus;
import org.end287g.campaigns.WonMailContributor;
import org.end287g.places.Places;
import org.end287g.tracker.CountyRef;
import org.end287g.tracker.TrackerReader;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * After a win ICE may answer with raids in the county (Mecklenburg's win was followed by
 * retaliation raids): a won campaign's page and the mail to its supporters carry the
 * county's rapid-response hotlines and legal help (deportation defence, bond help),
 * nearest first.
 */
@Component
class AfterWinHelp implements CampaignPageContributor, WonMailContributor {

	static final String ATTRIBUTE = "helpAfterWin";

	/** How many of each (hotlines, legal help) the page and the mail show. */
	static final int SHOWN = 3;

	/** How many of the nearest entries are looked at to find them. */
	private static final int LOOKED_AT = 200;

	private static final Set<HelpKind> LEGAL = Set.of(HelpKind.DEPORTATION_DEFENSE, HelpKind.BOND_HELP);

	private final HelpDirectory directory;

	private final Places places;

	private final TrackerReader tracker;

	private final MessageSource messages;

	private final SiteAddress site;

	AfterWinHelp(HelpDirectory directory, Places places, TrackerReader tracker, MessageSource messages,
			SiteAddress site) {
		this.directory = directory;
		this.places = places;
		this.tracker = tracker;
		this.messages = messages;
		this.site = site;
	}

	/**
	 * What the page and the mail show: the county, its nearest hotlines and legal help.
	 */
	record AfterWin(String fips, String label, List<HelpDirectory.Found> hotlines, List<HelpDirectory.Found> legal) {

		boolean none() {
			return this.hotlines.isEmpty() && this.legal.isEmpty();
		}

	}

	@Override
	public void contribute(Campaign campaign, Model model, Locale locale) {
		if (campaign.status() == CampaignStatus.WON) {
			of(campaign).ifPresent((found) -> model.addAttribute(ATTRIBUTE, found));
		}
	}

	@Override
	public List<Section> won(Campaign campaign, Locale locale) {
		Optional<AfterWin> found = of(campaign);
		if (found.isEmpty()) {
			return List.of();
		}
		AfterWin help = found.get();
		List<String> lines = new ArrayList<>();
		for (HelpDirectory.Found f : help.hotlines()) {
			lines.add(line(f.entry(), locale));
		}
		for (HelpDirectory.Found f : help.legal()) {
			lines.add(line(f.entry(), locale));
		}
		if (help.none()) {
			lines.add(text("help.afterWin.none", locale));
		}
		lines.add(text("help.afterWin.mail.all", locale, help.label()) + " "
				+ this.site.link("/help?county=" + help.fips()));
		lines.add(text("help.kyr.link", locale) + ": " + this.site.link("/help/know-your-rights"));
		return List.of(new Section(text("help.afterWin.mail.heading", locale, help.label()),
				text("help.afterWin.mail.lead", locale), lines));
	}

	Optional<AfterWin> of(Campaign campaign) {
		return this.tracker.agency(campaign.agencySlug())
			.map((profile) -> profile.agency().county())
			.map(CountyRef::fips)
			.flatMap(this.places::county)
			.map(HelpPlace::of)
			.map((place) -> {
				List<HelpDirectory.Found> near = this.directory.near(place.latitude(), place.longitude(),
						place.county().fips(), LOOKED_AT);
				return new AfterWin(place.county().fips(), place.label(),
						near.stream()
							.filter((f) -> f.entry().kind() == HelpKind.RAPID_RESPONSE_HOTLINE)
							.limit(SHOWN)
							.toList(),
						near.stream().filter((f) -> LEGAL.contains(f.entry().kind())).limit(SHOWN).toList());
			});
	}

	/** One entry as a line of the mail: its name, kind, phone and website or e-mail. */
	private String line(HelpEntry entry, Locale locale) {
		StringBuilder line = new StringBuilder(entry.name()).append(" (")
			.append(text("help.kind." + entry.kind().name(), locale))
			.append(")");
		List<String> contacts = new ArrayList<>();
		if (entry.phone() != null) {
			contacts.add(entry.phone());
		}
		if (entry.website() != null) {
			contacts.add(entry.website());
		}
		else if (entry.email() != null) {
			contacts.add(entry.email());
		}
		if (!contacts.isEmpty()) {
			line.append(": ").append(String.join(", ", contacts));
		}
		return line.toString();
	}

	private String text(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, locale);
	}

}
