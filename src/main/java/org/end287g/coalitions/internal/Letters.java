package org.end287g.coalitions.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.end287g.accounts.OrganizationDirectory;
import org.end287g.audit.AuditLog;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code letters} and {@code letter_signatures} tables. A letter's words change only
 * while it is a draft; every change is audited.
 */
@Component
class Letters {

	private static final String COLUMNS = """
			id, slug, campaign_id, target_office_id, target_name, target_office, title_en, title_es, body_en,
			body_es, status, opened_at, delivered_on, response_on, response, created_at""";

	private final JdbcClient jdbc;

	private final OrganizationDirectory organizations;

	private final AuditLog audit;

	private final Clock clock;

	Letters(JdbcClient jdbc, OrganizationDirectory organizations, AuditLog audit, ObjectProvider<Clock> clock) {
		this.jdbc = jdbc;
		this.organizations = organizations;
		this.audit = audit;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/** Whom a letter is to. */
	record Target(@Nullable Long officeId, String name, @Nullable String office) {
	}

	/** A letter's words in both languages. */
	record Words(String titleEn, String titleEs, String bodyEn, String bodyEs) {
	}

	/** An organization's signature as the letter shows it. */
	record Signature(long organizationId, String organization, String signerName, @Nullable String signerTitle,
			OffsetDateTime signedAt) {

		public String organizationSlug() {
			return Slugs.organization(this.organizationId, this.organization);
		}

	}

	/** What became of a signature. */
	enum Signed {

		SIGNED, ALREADY, NOT_OPEN

	}

	Optional<Letter> bySlug(String slug) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM letters WHERE slug = ?")
			.param(slug)
			.query(Letters::letter)
			.optional();
	}

	Optional<Letter> byId(long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM letters WHERE id = ?")
			.param(id)
			.query(Letters::letter)
			.optional();
	}

	/** A campaign's letters, drafts too, newest first. */
	List<Letter> ofCampaign(long campaignId) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM letters WHERE campaign_id = ? ORDER BY created_at DESC, id DESC")
			.param(campaignId)
			.query(Letters::letter)
			.list();
	}

	/** A campaign's open and closed letters, newest first. */
	List<Letter> publicOfCampaign(long campaignId) {
		return ofCampaign(campaignId).stream().filter((letter) -> !letter.draft()).toList();
	}

	/** Every letter, newest first, for staff. */
	List<Letter> all() {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM letters ORDER BY created_at DESC, id DESC")
			.query(Letters::letter)
			.list();
	}

	/** The open and closed letters an organization signed, newest signature first. */
	List<Letter> signedBy(long organizationId) {
		return this.jdbc.sql("SELECT " + COLUMNS
				+ """
						 FROM letters WHERE status <> 'DRAFT' AND id IN
						(SELECT letter_id FROM letter_signatures WHERE organization_id = ?) ORDER BY created_at DESC, id DESC""")
			.param(organizationId)
			.query(Letters::letter)
			.list();
	}

	/** The signatures of a letter, by organization name. */
	List<Signature> signatures(long letterId) {
		Map<Long, String> names = this.organizations.all()
			.stream()
			.collect(Collectors.toMap(OrganizationDirectory.Partner::id, OrganizationDirectory.Partner::name));
		return this.jdbc.sql("""
				SELECT organization_id, signer_name, signer_title, signed_at FROM letter_signatures
				WHERE letter_id = ?""")
			.param(letterId)
			.query((rs, row) -> new Signature(rs.getLong("organization_id"),
					names.getOrDefault(rs.getLong("organization_id"), ""), rs.getString("signer_name"),
					rs.getString("signer_title"), rs.getObject("signed_at", OffsetDateTime.class)))
			.list()
			.stream()
			.sorted(Comparator.comparing((Signature s) -> s.organization().toLowerCase(java.util.Locale.ROOT))
				.thenComparing(Signature::organizationId))
			.toList();
	}

	/** How many organizations signed each of these letters. */
	Map<Long, Long> counts(List<Letter> letters) {
		if (letters.isEmpty()) {
			return Map.of();
		}
		Map<Long, Long> counts = this.jdbc.sql("""
				SELECT letter_id, COUNT(*) AS n FROM letter_signatures WHERE letter_id IN (:ids) GROUP BY letter_id""")
			.param("ids", letters.stream().map(Letter::id).toList())
			.query((rs, row) -> Map.entry(rs.getLong("letter_id"), rs.getLong("n")))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		return letters.stream().collect(Collectors.toMap(Letter::id, (l) -> counts.getOrDefault(l.id(), 0L)));
	}

	/** The organizations (of these) that signed the letter. */
	List<Long> signedAmong(long letterId, java.util.Collection<Long> organizationIds) {
		if (organizationIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql(
				"SELECT organization_id FROM letter_signatures WHERE letter_id = :letter AND organization_id IN (:ids)")
			.param("letter", letterId)
			.param("ids", List.copyOf(organizationIds))
			.query((rs, row) -> rs.getLong("organization_id"))
			.list();
	}

	/** A new draft; its address is made of its English title. */
	@Transactional
	Letter create(long campaignId, Target target, Words words, String actor) {
		String base = Slugs.of(words.titleEn());
		String slug = base;
		// "sign-by-email" is the address of the page a mailed link opens, not a letter's
		for (int n = 2; bySlug(slug).isPresent() || "sign-by-email".equals(slug); n++) {
			slug = base + "-" + n;
		}
		OffsetDateTime now = now();
		this.jdbc
			.sql("""
					INSERT INTO letters (slug, campaign_id, target_office_id, target_name, target_office, title_en, title_es,
					body_en, body_es, status, created_by, created_at, updated_by, updated_at)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'DRAFT', ?, ?, ?, ?)""")
			.param(slug)
			.param(campaignId)
			.param(target.officeId())
			.param(target.name())
			.param(target.office())
			.param(words.titleEn())
			.param(words.titleEs())
			.param(words.bodyEn())
			.param(words.bodyEs())
			.param(actor)
			.param(now)
			.param(actor)
			.param(now)
			.update();
		Letter letter = bySlug(slug).orElseThrow();
		this.audit.record(actor, "letter.create", "letter:" + letter.id(), "campaign=" + campaignId);
		return letter;
	}

	/** New words and target for a draft; {@code false} once it opened. */
	@Transactional
	boolean rewrite(long id, Target target, Words words, String actor) {
		int updated = this.jdbc.sql("""
				UPDATE letters SET target_office_id = ?, target_name = ?, target_office = ?, title_en = ?, title_es = ?,
				body_en = ?, body_es = ?, updated_by = ?, updated_at = ? WHERE id = ? AND status = 'DRAFT'""")
			.param(target.officeId())
			.param(target.name())
			.param(target.office())
			.param(words.titleEn())
			.param(words.titleEs())
			.param(words.bodyEn())
			.param(words.bodyEs())
			.param(actor)
			.param(now())
			.param(id)
			.update();
		if (updated > 0) {
			this.audit.record(actor, "letter.edit", "letter:" + id, null);
		}
		return updated > 0;
	}

	/**
	 * Opens a draft or a closed letter, or closes an open one; {@code false} when the
	 * letter is not in a state that allows it.
	 */
	@Transactional
	boolean move(long id, String to, String actor) {
		String from = Letter.OPEN.equals(to) ? "status IN ('DRAFT', 'CLOSED')" : "status = 'OPEN'";
		int updated = this.jdbc
			.sql("UPDATE letters SET status = ?, opened_at = COALESCE(opened_at, ?), updated_by = ?, updated_at = ? "
					+ "WHERE id = ? AND " + from)
			.param(to)
			.param(Letter.OPEN.equals(to) ? now() : null)
			.param(actor)
			.param(now())
			.param(id)
			.update();
		if (updated > 0) {
			this.audit.record(actor, "letter." + to.toLowerCase(java.util.Locale.ROOT), "letter:" + id, null);
		}
		return updated > 0;
	}

	/** Records the delivery and the target's response (each may be empty). */
	@Transactional
	void delivery(long id, @Nullable LocalDate deliveredOn, @Nullable String response, @Nullable LocalDate responseOn,
			String actor) {
		this.jdbc.sql("""
				UPDATE letters SET delivered_on = ?, response = ?, response_on = ?, updated_by = ?, updated_at = ?
				WHERE id = ?""")
			.param(deliveredOn)
			.param(response)
			.param(responseOn)
			.param(actor)
			.param(now())
			.param(id)
			.update();
		this.audit.record(actor, "letter.delivery", "letter:" + id,
				((deliveredOn != null) ? "delivered" : "") + ((response != null) ? " response" : ""));
	}

	/** The organization signs the open letter, once. */
	@Transactional
	Signed sign(long letterId, long organizationId, String signerName, @Nullable String signerTitle, String actor) {
		Letter letter = this.jdbc.sql("SELECT " + COLUMNS + " FROM letters WHERE id = ? FOR UPDATE")
			.param(letterId)
			.query(Letters::letter)
			.optional()
			.orElse(null);
		if (letter == null || !letter.open()) {
			return Signed.NOT_OPEN;
		}
		if (!signedAmong(letterId, List.of(organizationId)).isEmpty()) {
			return Signed.ALREADY;
		}
		try {
			this.jdbc.sql("""
					INSERT INTO letter_signatures (letter_id, organization_id, signer_name, signer_title, signed_by,
					signed_at) VALUES (?, ?, ?, ?, ?, ?)""")
				.param(letterId)
				.param(organizationId)
				.param(signerName)
				.param(signerTitle)
				.param(actor)
				.param(now())
				.update();
		}
		catch (DuplicateKeyException ex) {
			return Signed.ALREADY;
		}
		this.audit.record(actor, "letter.sign", "letter:" + letterId, "organization=" + organizationId);
		return Signed.SIGNED;
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC);
	}

	private static Letter letter(ResultSet rs, int row) throws SQLException {
		long office = rs.getLong("target_office_id");
		Long officeId = rs.wasNull() ? null : office;
		return new Letter(rs.getLong("id"), rs.getString("slug"), rs.getLong("campaign_id"), officeId,
				rs.getString("target_name"), rs.getString("target_office"), rs.getString("title_en"),
				rs.getString("title_es"), rs.getString("body_en"), rs.getString("body_es"), rs.getString("status"),
				rs.getObject("opened_at", OffsetDateTime.class), rs.getObject("delivered_on", LocalDate.class),
				rs.getObject("response_on", LocalDate.class), rs.getString("response"),
				rs.getObject("created_at", OffsetDateTime.class));
	}

}
