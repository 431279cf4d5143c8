package org.end287g.campaigns.lifecycle;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.constraints.Pattern;
import org.end287g.SiteAddress;
import org.end287g.audit.AuditLog;
import org.end287g.campaigns.Campaign;
import org.end287g.campaigns.CampaignStatus;
import org.end287g.campaigns.CampaignWon;
import org.end287g.campaigns.WonMailContributor;
import org.end287g.campaigns.signing.Signers;
import org.end287g.notifications.Mail;
import org.end287g.notifications.Outbox;
import org.end287g.privacy.EmailAddress;
import org.end287g.privacy.Supporters;
import org.end287g.validation.Phone;
import org.end287g.validation.PlainText;
import org.end287g.validation.TypedText;
import org.end287g.validation.WebAddress;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

/**
 * What staff change on a campaign: the target's contacts and the close (won or lost),
 * each in one transaction with its audit entry.
 */
@Component
class CampaignStaff {

	/** The mail category supporters opt in to when they sign with campaign updates. */
	static final String CATEGORY = "campaign-updates";

	private final JdbcClient jdbc;

	private final CampaignLifecycle lifecycle;

	private final AuditLog audit;

	private final Outbox outbox;

	private final Supporters supporters;

	private final Signers signers;

	private final Clock clock;

	private final SiteAddress site;

	private final ApplicationEventPublisher events;

	private final List<WonMailContributor> wonMail;

	CampaignStaff(JdbcClient jdbc, CampaignLifecycle lifecycle, AuditLog audit, Outbox outbox, Supporters supporters,
			Signers signers, ObjectProvider<Clock> clock, SiteAddress site, ApplicationEventPublisher events,
			ObjectProvider<WonMailContributor> wonMail) {
		this.jdbc = jdbc;
		this.lifecycle = lifecycle;
		this.audit = audit;
		this.outbox = outbox;
		this.supporters = supporters;
		this.signers = signers;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
		this.site = site;
		this.events = events;
		this.wonMail = wonMail.orderedStream().toList();
	}

	/** The target's contacts as staff type them; every one may be empty. */
	record TargetForm(
			@Pattern(regexp = "(SHERIFF|CHIEF|DIRECTOR|OTHER)?", message = "{staff.error.choice}") String headTitle,
			@PlainText(max = 200, tooLong = "{staff.error.tooLong.200}",
					message = "{staff.error.control}") String headName,
			@Phone(message = "{staff.error.phone}") String phone,
			@EmailAddress(tooLong = "{staff.error.tooLong.254}", message = "{staff.error.email}") String email,
			@PlainText(max = 500, multiline = true, tooLong = "{staff.error.tooLong.500}",
					message = "{staff.error.control}") String address,
			@WebAddress(max = 500, tooLong = "{staff.error.tooLong.500}", message = "{staff.error.url}") String url) {

		TargetForm {
			headTitle = TypedText.line(headTitle);
			headName = TypedText.line(headName);
			phone = TypedText.line(phone);
			email = TypedText.line(email);
			address = TypedText.lines(address);
			url = TypedText.line(url);
		}

		static TargetForm of(Campaign.Head head) {
			return new TargetForm(shown(head.title()), shown(head.name()), shown(head.phone()), shown(head.email()),
					shown(head.address()), shown(head.url()));
		}

		/** The contacts to store, {@code null} for each one not given. */
		Campaign.Head head() {
			return new Campaign.Head(given(this.headTitle), given(this.headName), given(this.phone), given(this.email),
					given(this.address), given(this.url));
		}

		private static @Nullable String given(String value) {
			return value.isEmpty() ? null : value;
		}

		/** A stored contact as the form shows it: empty for none. */
		private static String shown(@Nullable String stored) {
			return (stored != null) ? stored : "";
		}

	}

	/**
	 * How staff close a campaign; a note is needed unless they confirm a possible win.
	 */
	record CloseForm(@Pattern(regexp = "CONFIRM|WON|LOST", message = "{staff.error.choice}") String outcome,
			@PlainText(max = CampaignLifecycle.MAX_NOTE, multiline = true, tooLong = "{staff.error.tooLong.2000}",
					message = "{staff.error.control}") String note) {

		CloseForm {
			outcome = TypedText.line(outcome);
			note = TypedText.lines(note);
		}

		void requireNote(Errors errors) {
			if (this.note.isEmpty() && !"CONFIRM".equals(this.outcome)) {
				errors.rejectValue("note", "staff.error.required");
			}
		}

	}

	@Transactional
	void updateTarget(Campaign campaign, Campaign.Head head, String actor) {
		this.jdbc.sql("""
				update campaigns set head_title = ?, head_name = ?, contact_phone = ?, contact_email = ?,
				contact_address = ?, contact_url = ?, target_updated_at = ?, target_updated_by = ? where id = ?""")
			.param(head.title())
			.param(head.name())
			.param(head.phone())
			.param(head.email())
			.param(head.address())
			.param(head.url())
			.params(now(), actor, campaign.id())
			.update();
		this.audit.record(actor, "campaign.target", "campaign:" + campaign.id(), null);
	}

	/**
	 * Closes a gathering campaign as WON or LOST; {@code confirm} turns a possible win
	 * into a win. On WON, supporters who asked for campaign updates are told in their
	 * language (with what modules above add, such as help in the county) and
	 * {@link CampaignWon} is published; on either, the supporters' holds for the campaign
	 * end.
	 * @return false when the campaign was no longer in a state to close (another staff
	 * member closed it first)
	 */
	@Transactional
	boolean close(Campaign campaign, String outcome, @Nullable String note, String actor) {
		CampaignStatus status = "LOST".equals(outcome) ? CampaignStatus.LOST : CampaignStatus.WON;
		Optional<OffsetDateTime> closed = "CONFIRM".equals(outcome)
				? this.lifecycle.confirmWin(campaign.id(), note, actor)
				: this.lifecycle.close(campaign.id(), status, note, actor);
		if (closed.isEmpty()) {
			return false;
		}
		this.audit.record(actor, "campaign.close", "campaign:" + campaign.id(), status.name());
		this.supporters.endHolds("campaign:" + campaign.id(), closed.get().toInstant());
		if (status == CampaignStatus.WON) {
			tellSupporters(campaign, note);
			this.events.publishEvent(
					new CampaignWon(campaign.id(), campaign.slug(), campaign.agencySlug(), closed.get(), note));
		}
		return true;
	}

	private void tellSupporters(Campaign campaign, @Nullable String note) {
		Map<Locale, List<WonMailContributor.Section>> sections = new HashMap<>();
		for (Signers.Subscriber subscriber : this.signers.subscribedSupporters(campaign.id())) {
			Locale language = "es".equals(subscriber.language()) ? Locale.forLanguageTag("es") : Locale.ENGLISH;
			Map<String, Object> model = new LinkedHashMap<>();
			model.put("sections",
					sections.computeIfAbsent(language,
							(l) -> this.wonMail.stream()
								.flatMap((contributor) -> contributor.won(campaign, l).stream())
								.toList()));
			model.put("agency", campaign.title());
			model.put("subjectArgs", List.of(campaign.title()));
			model.put("note", (note != null) ? note : "");
			model.put("url", this.site.link("/campaigns/" + campaign.slug()));
			this.outbox.enqueue(new Mail(subscriber.email(), language, "campaign-won", model, CATEGORY));
		}
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC);
	}

}
