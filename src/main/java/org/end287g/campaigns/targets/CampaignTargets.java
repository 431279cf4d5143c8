package org.end287g.campaigns.targets;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.end287g.campaigns.Campaign;
import org.end287g.decide.Official;
import org.end287g.decide.Officials;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A campaign's targets as its pages show them: the primary (the agency's head in the
 * directory, else the head staff typed on the campaign) and the secondary ones, each with
 * a call script and a letter written from the petition in the page's language.
 */
@Component
public class CampaignTargets {

	/** Letters longer than this are cut at a paragraph, so mail apps open the link. */
	static final int MAX_LETTER = 1_500;

	private final Officials officials;

	private final MessageSource messages;

	CampaignTargets(Officials officials, MessageSource messages) {
		this.officials = officials;
		this.messages = messages;
	}

	/**
	 * One target on a page.
	 *
	 * @param officeId the directory's office, {@code null} for a head only staff typed
	 * (no counts then)
	 * @param tel the number for a {@code tel:} link, or {@code null}
	 * @param mailto the whole {@code mailto:} link with subject and body, or {@code null}
	 */
	public record Target(@Nullable Long officeId, boolean primary, String name, @Nullable String title,
			@Nullable String office, @Nullable String phone, @Nullable String tel, @Nullable String email,
			@Nullable String address, @Nullable String webForm, @Nullable String sourceTitle,
			@Nullable String sourceUrl, @Nullable String checkedOn, String script, String subject, String letter,
			@Nullable String mailto, long calls, long letters) {
	}

	/** The primary target's facts, for the API: every field may be {@code null}. */
	public record Primary(@Nullable String name, @Nullable String title, @Nullable String phone, @Nullable String email,
			@Nullable String address) {
	}

	/** The primary target as the API gives it, from the directory or the campaign. */
	public Primary primary(Campaign campaign) {
		Official head = this.officials.headOf(campaign.agencySlug()).orElse(null);
		if (head != null) {
			return new Primary(head.name(), head.title(), head.phone(), head.email(), head.address());
		}
		Campaign.Head typed = campaign.head();
		return new Primary(typed.name(), (typed.name() != null) ? typed.title() : null, typed.phone(), typed.email(),
				typed.address());
	}

	/**
	 * The primary and the secondary targets with scripts and letters in this language.
	 */
	public List<Target> of(Campaign campaign, String agencyName, Locale locale, boolean withCounts) {
		Map<Long, Officials.Counts> counts = withCounts ? this.officials.contactCounts(campaign.id()) : Map.of();
		String petitionTitle = this.messages.getMessage("campaigns.page.title", new Object[] { agencyName }, locale);
		String petition = petitionText(campaign, agencyName, locale);
		List<Target> targets = new ArrayList<>();
		Official head = this.officials.headOf(campaign.agencySlug()).orElse(null);
		if (head != null) {
			targets.add(target(head, true, petitionTitle, petition, agencyName, locale, counts));
		}
		else if (campaign.head().name() instanceof String typedName) {
			Campaign.Head typed = campaign.head();
			String title = (typed.title() != null)
					? this.messages.getMessage("campaigns.head." + typed.title(), null, locale) : null;
			String url = typed.url();
			String webForm = (url != null && url.matches("(?i)https?://\\S+")) ? url : null;
			targets.add(build(null, true, typedName, title, agencyName, typed.phone(), typed.email(), typed.address(),
					webForm, null, null, null, petitionTitle, petition, agencyName, locale, Officials.Counts.NONE));
		}
		for (Official official : this.officials.targetsOf(campaign.id())) {
			if (head == null || official.officeId() != head.officeId()) {
				targets.add(target(official, false, petitionTitle, petition, agencyName, locale, counts));
			}
		}
		return targets;
	}

	/**
	 * Adds to the leader's campaign page the targets with their counts of reported calls
	 * and letters ({@code leaderTargets}) and the offices of the state that may be added
	 * ({@code targetChoices}).
	 */
	public void forLeader(Campaign campaign, Locale locale, org.springframework.ui.Model model) {
		List<Target> current = of(campaign, campaign.title(), locale, true);
		model.addAttribute("leaderTargets", current);
		model.addAttribute("targetChoices", this.officials.inState(campaign.state())
			.stream()
			.filter((o) -> current.stream().noneMatch((t) -> t.officeId() != null && t.officeId() == o.officeId()))
			.toList());
	}

	/** One target of a campaign by office id, for the letter page and the counts. */
	public @Nullable Target one(Campaign campaign, String agencyName, long officeId, Locale locale) {
		return of(campaign, agencyName, locale, false).stream()
			.filter((t) -> t.officeId() != null && t.officeId() == officeId)
			.findFirst()
			.orElse(null);
	}

	private Target target(Official o, boolean primary, String petitionTitle, String petition, String agencyName,
			Locale locale, Map<Long, Officials.Counts> counts) {
		return build(o.officeId(), primary, o.name(), o.title(), o.office(), o.phone(), o.email(), o.address(),
				o.webForm(), o.sourceTitle(), o.sourceUrl(), o.checkedOn().toString(), petitionTitle, petition,
				agencyName, locale, counts.getOrDefault(o.officeId(), Officials.Counts.NONE));
	}

	private Target build(@Nullable Long officeId, boolean primary, String name, @Nullable String title,
			@Nullable String office, @Nullable String phone, @Nullable String email, @Nullable String address,
			@Nullable String webForm, @Nullable String sourceTitle, @Nullable String sourceUrl,
			@Nullable String checkedOn, String petitionTitle, String petition, String agencyName, Locale locale,
			Officials.Counts counts) {
		String addressee = (title != null) ? title + " " + name : name;
		String script = this.messages.getMessage("targets.script",
				new Object[] { addressee, petitionTitle, firstParagraph(petition), agencyName }, locale);
		String subject = petitionTitle;
		String letter = this.messages.getMessage("targets.letter", new Object[] { addressee, petition }, locale);
		String tel = null;
		if (phone != null) {
			String digits = phone.replaceAll("[^0-9+]", "");
			tel = (digits.replace("+", "").length() >= 7) ? digits : null;
		}
		String mailto = (email != null && email.matches("[^\\s?&#<>\"]+@[^\\s?&#<>\"]+"))
				? "mailto:" + email + "?subject=" + encode(subject) + "&body=" + encode(letter) : null;
		return new Target(officeId, primary, name, title, office, phone, tel, email, address, webForm, sourceTitle,
				sourceUrl, checkedOn, script, subject, letter, mailto, counts.calls(), counts.letters());
	}

	private String petitionText(Campaign campaign, String agencyName, Locale locale) {
		String text = campaign.petitionText();
		if (text == null || text.isBlank()) {
			return this.messages.getMessage("targets.petition.sample", new Object[] { agencyName }, locale);
		}
		if (text.length() <= MAX_LETTER) {
			return text.strip();
		}
		StringBuilder cut = new StringBuilder();
		for (String paragraph : text.split("\\n\\s*\\n")) {
			if (cut.length() + paragraph.length() > MAX_LETTER) {
				break;
			}
			cut.append(paragraph.strip()).append("\n\n");
		}
		return cut.isEmpty() ? text.substring(0, MAX_LETTER).strip() + "…" : cut.toString().strip();
	}

	private static String firstParagraph(String petition) {
		return Arrays.stream(petition.split("\\n\\s*\\n")).findFirst().orElse(petition).strip();
	}

	/** RFC 6068: percent-encoded UTF-8, spaces as %20 and line breaks as %0D%0A. */
	static String encode(String value) {
		return URLEncoder.encode(value.replace("\r\n", "\n").replace("\n", "\r\n"), StandardCharsets.UTF_8)
			.replace("+", "%20");
	}

}
