package org.end287g.alerts;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.end287g.privacy.BlindIndex;
import org.end287g.privacy.PersonalDataCipher;
import org.end287g.privacy.SealedColumn;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who follows which place ({@code alert_subscriptions}): addresses sealed, found by their
 * blind index, one row per person and place, counted once confirmed.
 */
@Component
class AlertSubscriptions {

	static final String EMAIL = "alert_subscriptions.email_sealed";

	/** Places one address may follow at most: a county, its neighbours, a few states. */
	static final int MAX_PER_PERSON = 20;

	private final JdbcClient jdbc;

	private final PersonalDataCipher cipher;

	private final BlindIndex index;

	AlertSubscriptions(JdbcClient jdbc, PersonalDataCipher cipher, BlindIndex index) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.index = index;
	}

	/** What a request to follow a place came to. */
	sealed interface Outcome {

		/**
		 * A new or still unconfirmed subscription: its confirmation link is to be mailed.
		 */
		record Pending(long id) implements Outcome {
		}

		/**
		 * Already followed: nothing to send (the page says the same as for a new one).
		 */
		record AlreadyConfirmed() implements Outcome {
		}

		/** The address follows {@value #MAX_PER_PERSON} places already. */
		record TooMany() implements Outcome {
		}

	}

	/** One confirmed follower of a place. */
	record Follower(long id, String email, Locale language, String place) {
	}

	@Transactional
	Outcome subscribe(String email, Locale language, AlertPlace place, Instant now) {
		String emailIndex = this.index.ofEmail(email);
		Optional<Existing> existing = existing(emailIndex, place.code());
		if (existing.isPresent()) {
			return existing.get().confirmed() ? new Outcome.AlreadyConfirmed()
					: new Outcome.Pending(existing.get().id());
		}
		long held = this.jdbc.sql("SELECT COUNT(*) FROM alert_subscriptions WHERE email_index = ?")
			.param(emailIndex)
			.query(Long.class)
			.single();
		if (held >= MAX_PER_PERSON) {
			return new Outcome.TooMany();
		}
		try {
			this.jdbc.sql("""
					INSERT INTO alert_subscriptions (email_index, email_sealed, language, place, created_at)
					VALUES (?, ?, ?, ?, ?)""")
				.params(emailIndex, this.cipher.seal(email, EMAIL), language.getLanguage(), place.code(),
						now.atOffset(ZoneOffset.UTC))
				.update();
		}
		catch (DuplicateKeyException ex) {
			// the same person asked twice at once: the other request's row stands
		}
		Existing row = existing(emailIndex, place.code()).orElseThrow();
		return row.confirmed() ? new Outcome.AlreadyConfirmed() : new Outcome.Pending(row.id());
	}

	private record Existing(long id, boolean confirmed) {
	}

	private Optional<Existing> existing(String emailIndex, String place) {
		return this.jdbc.sql("SELECT id, confirmed_at FROM alert_subscriptions WHERE email_index = ? AND place = ?")
			.params(emailIndex, place)
			.query((rs, row) -> new Existing(rs.getLong(1), rs.getObject(2) != null))
			.optional();
	}

	/** Confirms the subscription; its place when it (still) exists. */
	@Transactional
	Optional<String> confirm(long id, Instant now) {
		this.jdbc.sql("UPDATE alert_subscriptions SET confirmed_at = ? WHERE id = ? AND confirmed_at IS NULL")
			.params(now.atOffset(ZoneOffset.UTC), id)
			.update();
		return place(id);
	}

	Optional<String> place(long id) {
		return this.jdbc.sql("SELECT place FROM alert_subscriptions WHERE id = ?")
			.param(id)
			.query(String.class)
			.optional();
	}

	/** Deletes the subscription; whether there was one. */
	@Transactional
	boolean stop(long id) {
		return this.jdbc.sql("DELETE FROM alert_subscriptions WHERE id = ?").param(id).update() > 0;
	}

	/** The confirmed followers of these places. */
	List<Follower> followersOf(Collection<String> places) {
		if (places.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				SELECT id, email_sealed, language, place FROM alert_subscriptions
				WHERE place IN (:places) AND confirmed_at IS NOT NULL ORDER BY id""")
			.param("places", places)
			.query((rs, row) -> new Follower(rs.getLong(1), this.cipher.open(rs.getBytes(2), EMAIL),
					Locale.forLanguageTag(rs.getString(3)), rs.getString(4)))
			.list()
			.stream()
			.filter((follower) -> follower.email() != null)
			.toList();
	}

	/**
	 * Records that this sheet's alert goes to this subscription: true only for the first
	 * caller, on any instance, so that nobody gets one sheet's alert twice.
	 */
	boolean firstDelivery(long subscriptionId, long sheetId, Instant now) {
		return this.jdbc.sql("""
				INSERT INTO alert_deliveries (subscription_id, sheet_id, created_at) VALUES (?, ?, ?)
				ON CONFLICT DO NOTHING""").params(subscriptionId, sheetId, now.atOffset(ZoneOffset.UTC)).update() > 0;
	}

	/** A person's subscriptions, for "my data": place, since, confirmed. */
	List<Held> of(String emailIndex) {
		return this.jdbc.sql("""
				SELECT place, created_at, confirmed_at FROM alert_subscriptions WHERE email_index = ?
				ORDER BY created_at, id""")
			.param(emailIndex)
			.query((rs, row) -> new Held(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
					Optional.ofNullable(rs.getObject(3, OffsetDateTime.class)).map(OffsetDateTime::toInstant)))
			.list();
	}

	record Held(String place, Instant since, Optional<Instant> confirmedAt) {
	}

	Optional<String> address(String emailIndex) {
		return this.jdbc.sql("SELECT email_sealed FROM alert_subscriptions WHERE email_index = ? ORDER BY id LIMIT 1")
			.param(emailIndex)
			.query((rs, row) -> Optional.ofNullable(this.cipher.open(rs.getBytes(1), EMAIL)))
			.optional()
			.flatMap((address) -> address);
	}

	@Transactional
	int forget(String emailIndex) {
		return this.jdbc.sql("DELETE FROM alert_subscriptions WHERE email_index = ?").param(emailIndex).update();
	}

	/** Deletes subscriptions never confirmed since before this time. */
	@Transactional
	int purgeUnconfirmed(Instant createdBefore) {
		return this.jdbc.sql("DELETE FROM alert_subscriptions WHERE confirmed_at IS NULL AND created_at < ?")
			.param(createdBefore.atOffset(ZoneOffset.UTC))
			.update();
	}

	/** The sealed column, re-encrypted with the others after a key rotation. */
	@Configuration(proxyBeanMethods = false)
	static class Sealed {

		@Bean
		SealedColumn alertSubscriptionsEmail() {
			return new SealedColumn("alert_subscriptions", "id", "email_sealed", EMAIL);
		}

	}

}
