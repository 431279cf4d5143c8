package org.end287g.campaigns.leaders;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.end287g.SiteAddress;
import org.end287g.accounts.AccountDirectory;
import org.end287g.audit.AuditLog;
import org.end287g.campaigns.Campaign;
import org.end287g.campaigns.Campaigns;
import org.end287g.notifications.Mail;
import org.end287g.notifications.Outbox;
import org.end287g.privacy.BlindIndex;
import org.end287g.privacy.EmailAddresses;
import org.end287g.privacy.PersonalDataCipher;
import org.end287g.privacy.SignedLinks;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Become a leader" requests: stored sealed, confirmed by a signed link in an e-mail,
 * then approved by staff (or at once when {@code end287g.campaigns.leaders.auto-approve}
 * is on). Staff hear of confirmed requests from {@link StaffLeaderAlerts}. Approval
 * appoints the leader through accounts (the account and the LEADER grant) and sends one
 * mail that greets them by name with a one-time link that signs them in on the campaign's
 * dashboard. {@link LeaderApplicationRecords} reads them back.
 */
@Component
class LeaderApplications {

	static final String CONFIRM = "leader-application";

	static final Duration CONFIRM_VALIDITY = Duration.ofDays(7);

	static final String UNCONFIRMED = "UNCONFIRMED";

	static final String PENDING = "PENDING";

	static final String APPROVED = "APPROVED";

	static final String DECLINED = "DECLINED";

	private final JdbcClient jdbc;

	private final LeaderApplicationRecords records;

	private final PersonalDataCipher cipher;

	private final BlindIndex index;

	private final SignedLinks links;

	private final Outbox outbox;

	private final AuditLog audit;

	private final AccountDirectory directory;

	private final Campaigns campaigns;

	private final boolean autoApprove;

	private final SiteAddress site;

	private final StaffLeaderAlerts staff;

	LeaderApplications(JdbcClient jdbc, LeaderApplicationRecords records, PersonalDataCipher cipher, BlindIndex index,
			SignedLinks links, Outbox outbox, AuditLog audit, AccountDirectory directory, Campaigns campaigns,
			LeaderSettings settings, SiteAddress site, StaffLeaderAlerts staff) {
		this.jdbc = jdbc;
		this.records = records;
		this.cipher = cipher;
		this.index = index;
		this.links = links;
		this.outbox = outbox;
		this.audit = audit;
		this.directory = directory;
		this.campaigns = campaigns;
		this.autoApprove = settings.autoApprove();
		this.site = site;
		this.staff = staff;
	}

	/** What the form collected, already checked. */
	record Form(String name, String email, String zip, String phone, String why) {

		@Override
		public String toString() {
			return "Form[...]";
		}

	}

	/** What confirming a link did. */
	enum Confirmed {

		PENDING, APPROVED, INVALID

	}

	/** What a staff decision did. */
	enum Decision {

		DONE, NOT_PENDING

	}

	/**
	 * Stores the request and mails the confirmation link. An address that already asked
	 * for this campaign gets the link again while unconfirmed, and nothing otherwise; the
	 * person on the page sees the same answer either way.
	 */
	@Transactional
	void apply(Campaign campaign, Form form, Locale language) {
		String email = EmailAddresses.normalize(form.email());
		String emailIndex = this.index.ofEmail(email);
		int inserted = this.jdbc.sql("""
				insert into leader_applications (campaign_id, email_index, email_sealed, name_sealed, zip_sealed,
					phone_sealed, why_sealed, language, status, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, 'UNCONFIRMED', ?) on conflict do nothing""")
			.params(campaign.id(), emailIndex, this.cipher.seal(email, "leader_applications.email"),
					this.cipher.seal(form.name(), "leader_applications.name"),
					this.cipher.seal(form.zip(), "leader_applications.zip"))
			.param(this.cipher.seal(blankToNull(form.phone()), "leader_applications.phone"))
			.param(this.cipher.seal(blankToNull(form.why()), "leader_applications.why"))
			.params(language.getLanguage(), now())
			.update();
		Optional<Long> id = this.jdbc
			.sql("select id from leader_applications where campaign_id = ? and email_index = ? and status = ?")
			.params(campaign.id(), emailIndex, UNCONFIRMED)
			.query(Long.class)
			.optional();
		if (id.isEmpty()) {
			return;
		}
		if (inserted == 1) {
			this.audit.record("supporter", "leader-application.create", id.get().toString(),
					"campaign=" + campaign.id());
		}
		String link = this.site.link("/campaigns/" + campaign.slug() + "/lead/confirm/"
				+ this.links.sign(CONFIRM, id.get().toString(), CONFIRM_VALIDITY));
		this.outbox.enqueue(Mail
			.transactional(email, language, "leader-confirm",
					Map.of("link", link, "campaign", campaign.title(), "days", CONFIRM_VALIDITY.toDays()))
			.usefulFor(CONFIRM_VALIDITY));
	}

	/** The application of a genuine, unexpired confirmation token. */
	Optional<Long> verify(String token) {
		return this.links.verify(CONFIRM, token).flatMap((payload) -> {
			try {
				return Optional.of(Long.parseLong(payload));
			}
			catch (NumberFormatException ex) {
				return Optional.empty();
			}
		});
	}

	/**
	 * The applicant followed the link: PENDING for staff, or APPROVED at once when
	 * auto-approval is on. Confirming twice changes nothing and says the same.
	 */
	@Transactional
	Confirmed confirm(String token) {
		Optional<Long> id = verify(token);
		if (id.isEmpty()) {
			return Confirmed.INVALID;
		}
		int confirmed = this.jdbc
			.sql("update leader_applications set status = 'PENDING', confirmed_at = ? where id = ? and status = ?")
			.params(now(), id.get(), UNCONFIRMED)
			.update();
		if (confirmed == 1) {
			this.audit.record("supporter", "leader-application.confirm", id.get().toString(), null);
			if (this.autoApprove) {
				decide("system", id.get(), true);
			}
			else {
				this.staff.requestConfirmed();
			}
		}
		String status = this.jdbc.sql("select status from leader_applications where id = ?")
			.param(id.get())
			.query(String.class)
			.optional()
			.orElse(null);
		if (status == null || DECLINED.equals(status)) {
			return Confirmed.INVALID;
		}
		return APPROVED.equals(status) ? Confirmed.APPROVED : Confirmed.PENDING;
	}

	/**
	 * Staff approve (appoint the leader) or decline (a kind note) a PENDING application.
	 * Only one decision counts when two staff decide at once.
	 */
	@Transactional
	Decision decide(String actor, long id, boolean approve) {
		int changed = this.jdbc.sql("""
				update leader_applications set status = ?, decided_at = ?, decided_by = ?
				where id = ? and status = 'PENDING'""")
			.params(approve ? APPROVED : DECLINED, now(), actor, id)
			.update();
		if (changed == 0) {
			return Decision.NOT_PENDING;
		}
		LeaderApplicationRecords.Application application = this.records.find(id).orElseThrow();
		Campaign campaign = this.campaigns.byId(application.campaignId()).orElseThrow();
		if (approve) {
			approved(actor, application, campaign);
		}
		else {
			this.outbox.enqueue(Mail.transactional(application.email(), Locale.forLanguageTag(application.language()),
					"leader-declined",
					Map.of("campaign", campaign.title(), "link", this.site.link("/campaigns/" + campaign.slug()),
							"subjectArgs", List.of(campaign.title()))));
		}
		this.audit.record(actor, approve ? "leader-application.approve" : "leader-application.decline",
				Long.toString(id), "campaign=" + campaign.id());
		return Decision.DONE;
	}

	/** Appoints the applicant, keeps the account on the application, tells them. */
	private void approved(String actor, LeaderApplicationRecords.Application application, Campaign campaign) {
		Optional<String> account = this.directory.appointLeader(actor, application.email(), application.name(),
				application.language(), campaign.id());
		if (account.isEmpty()) {
			// a disabled account: nothing is approved
			throw new AccountDisabled();
		}
		this.jdbc.sql("update leader_applications set account_id = ? where id = ?")
			.params(account.get(), application.id())
			.update();
		// one mail: the welcome, with a link that signs them in straight to the dashboard
		String dashboard = "/leader/campaigns/" + campaign.id();
		AccountDirectory.SignInLink signIn = this.directory.signInLink(account.get(), dashboard);
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("name", application.name());
		model.put("campaign", campaign.title());
		model.put("signIn", signIn.url());
		model.put("days", Math.max(1, signIn.validity().toDays()));
		model.put("dashboard", this.site.link(dashboard));
		model.put("signInPage", this.site.link("/sign-in"));
		model.put("subjectArgs", List.of(campaign.title()));
		this.outbox.enqueue(Mail
			.transactional(application.email(), Locale.forLanguageTag(application.language()), "leader-approved", model)
			.usefulFor(signIn.validity()));
	}

	/** Thrown when the applicant's account is disabled: the approval rolls back. */
	static final class AccountDisabled extends RuntimeException {

		AccountDisabled() {
			super("account disabled");
		}

	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

	private static OffsetDateTime now() {
		return OffsetDateTime.now(ZoneOffset.UTC);
	}

}
