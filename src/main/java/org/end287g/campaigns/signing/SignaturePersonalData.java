package org.end287g.campaigns.signing;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.end287g.privacy.PersonalDataCipher;
import org.end287g.privacy.PersonalDataHolder;
import org.end287g.privacy.SealedColumn;
import org.end287g.privacy.SupporterForgotten;
import org.end287g.privacy.Supporters;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The "signatures" section of "my data": the person's signatures, found through their
 * supporter record (their pseudonym within each campaign that holds them), and their
 * deletion. A deleted signature stays, anonymous, so counts hold: no supporter, no sealed
 * values, no keys, not shown publicly.
 */
@Component
class SignaturePersonalData implements PersonalDataHolder {

	static final String SECTION = "signatures";

	private final JdbcClient jdbc;

	private final PersonalDataCipher cipher;

	private final SignatureCounts counts;

	private final SignatureWall wall;

	private final Supporters supporters;

	private final Cities cities;

	private final Clock clock;

	SignaturePersonalData(JdbcClient jdbc, PersonalDataCipher cipher, SignatureCounts counts, SignatureWall wall,
			Supporters supporters, Cities cities, ObjectProvider<Clock> clock) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.counts = counts;
		this.wall = wall;
		this.supporters = supporters;
		this.cities = cities;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@Override
	public String section() {
		return SECTION;
	}

	@Override
	@Transactional(readOnly = true)
	public Map<String, Object> describe(String emailIndex) {
		List<String> keys = keys(this.supporters.pseudonyms(emailIndex));
		if (keys.isEmpty()) {
			return Map.of();
		}
		List<Map<String, Object>> signatures = this.jdbc.sql("""
				select c.slug, c.title, s.first_name_sealed, s.last_name_sealed, s.zip_sealed, s.comment_sealed,
					s.language, s.source, s.show_publicly, s.campaign_updates, s.organization_news, s.created_at,
					s.confirmed_at
				from signatures s join campaigns c on c.id = s.campaign_id
				where s.supporter_key in (""" + marks(keys) + ") order by s.created_at, s.id")
			.params(new ArrayList<Object>(keys))
			.query((rs, n) -> {
				Map<String, Object> signature = new LinkedHashMap<>();
				signature.put("campaign", rs.getString("title"));
				signature.put("address", "/campaigns/" + rs.getString("slug"));
				signature.put("firstName", open(rs.getBytes("first_name_sealed"), "first_name"));
				signature.put("lastName", open(rs.getBytes("last_name_sealed"), "last_name"));
				String zip = open(rs.getBytes("zip_sealed"), "zip");
				signature.put("zip", zip);
				signature.put("city", this.cities.of(zip));
				signature.put("comment", open(rs.getBytes("comment_sealed"), "comment"));
				signature.put("language", rs.getString("language"));
				signature.put("source", rs.getString("source"));
				signature.put("showPublicly", rs.getBoolean("show_publicly"));
				signature.put("campaignUpdates", rs.getBoolean("campaign_updates"));
				signature.put("organizationNews", rs.getBoolean("organization_news"));
				signature.put("signedAt", rs.getObject("created_at", OffsetDateTime.class).toInstant().toString());
				OffsetDateTime confirmed = rs.getObject("confirmed_at", OffsetDateTime.class);
				signature.put("confirmedAt", (confirmed != null) ? confirmed.toInstant().toString() : null);
				return signature;
			})
			.list();
		return signatures.isEmpty() ? Map.of() : Map.of("signatures", signatures);
	}

	@Override
	@Transactional
	public void forget(String emailIndex) {
		anonymise(keys(this.supporters.pseudonyms(emailIndex)));
	}

	/**
	 * The supporter is being deleted (retention or request): their signatures go blank.
	 */
	@EventListener
	@Transactional
	public void supporterForgotten(SupporterForgotten forgotten) {
		anonymise(keys(forgotten.pseudonyms()));
	}

	/** The pseudonyms within campaigns: the keys the person's signatures carry. */
	private static List<String> keys(Map<String, String> pseudonyms) {
		return Supporters.pseudonymsWithin(pseudonyms, "campaign:");
	}

	private static String marks(List<String> keys) {
		return String.join(", ", Collections.nCopies(keys.size(), "?"));
	}

	private void anonymise(List<String> keys) {
		if (keys.isEmpty()) {
			return;
		}
		String which = " where supporter_key in (" + marks(keys) + ")";
		List<Long> campaigns = this.jdbc.sql("select distinct campaign_id from signatures" + which)
			.params(new ArrayList<Object>(keys))
			.query((rs, n) -> rs.getLong("campaign_id"))
			.list();
		if (campaigns.isEmpty()) {
			return;
		}
		List<Object> params = new ArrayList<>();
		params.add(OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC));
		params.addAll(keys);
		this.jdbc.sql("""
				update signatures set supporter_key = null, supporter_sealed = null, email_key = null,
					email_domain_index = null, first_name_sealed = null, last_name_sealed = null, zip_sealed = null,
					comment_sealed = null, client_hash = null, show_publicly = false, campaign_updates = false,
					organization_news = false, anonymized_at = ?""" + which).params(params).update();
		for (Long campaign : campaigns) {
			this.counts.forget(campaign);
			this.wall.forget(campaign);
		}
	}

	private @Nullable String open(byte @Nullable [] sealed, String column) {
		return this.cipher.open(sealed, "signatures." + column);
	}

	/** The sealed columns of the signatures table, for {@code reseal}. */
	@Configuration(proxyBeanMethods = false)
	static class Columns {

		@Bean
		SealedColumn signaturesFirstName() {
			return new SealedColumn("signatures", "id", "first_name_sealed", "signatures.first_name");
		}

		@Bean
		SealedColumn signaturesLastName() {
			return new SealedColumn("signatures", "id", "last_name_sealed", "signatures.last_name");
		}

		@Bean
		SealedColumn signaturesZip() {
			return new SealedColumn("signatures", "id", "zip_sealed", "signatures.zip");
		}

		@Bean
		SealedColumn signaturesComment() {
			return new SealedColumn("signatures", "id", "comment_sealed", "signatures.comment");
		}

		@Bean
		SealedColumn signaturesSupporter() {
			return new SealedColumn("signatures", "id", "supporter_sealed", SignatureRows.SUPPORTER);
		}

	}

}
