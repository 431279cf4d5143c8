package org.end287g.events.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.end287g.privacy.PersonalDataHolder;
import org.end287g.privacy.SealedColumn;
import org.end287g.privacy.SupporterForgotten;
import org.end287g.privacy.Supporters;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The "event registrations" section of "my data", and forgetting: a forgotten
 * registration keeps its row (counts and attendance hold) without any personal value or
 * key; a seat or a place in line it held is given up.
 */
@Component
class EventPersonalData implements PersonalDataHolder {

	private final JdbcClient jdbc;

	private final Registrations registrations;

	private final Supporters supporters;

	private final Clock clock;

	EventPersonalData(JdbcClient jdbc, Registrations registrations, Supporters supporters,
			ObjectProvider<Clock> clock) {
		this.jdbc = jdbc;
		this.registrations = registrations;
		this.supporters = supporters;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@Override
	public String section() {
		return "eventRegistrations";
	}

	@Override
	@Transactional(readOnly = true)
	public Map<String, Object> describe(String emailIndex) {
		List<String> keys = keys(this.supporters.pseudonyms(emailIndex));
		if (keys.isEmpty()) {
			return Map.of();
		}
		List<Long> ids = this.jdbc
			.sql("select id from event_registrations where supporter_key in (" + marks(keys) + ") order by id")
			.params(new ArrayList<Object>(keys))
			.query((rs, n) -> rs.getLong("id"))
			.list();
		List<Map<String, Object>> shown = new ArrayList<>();
		for (Long id : ids) {
			Registration registration = this.registrations.byId(id).orElseThrow();
			String slug = this.jdbc.sql("select slug from events where id = ?")
				.param(registration.eventId())
				.query(String.class)
				.single();
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("event", "/events/" + slug);
			item.put("status", registration.status().name());
			item.put("name", registration.name());
			item.put("email", registration.email());
			item.put("zip", registration.zip());
			item.put("phone", registration.phone());
			item.put("answers", registration.answers());
			item.put("language", registration.language().getLanguage());
			item.put("registeredAt", registration.createdAt().toString());
			item.put("checkedInAt",
					(registration.checkedInAt() != null) ? registration.checkedInAt().toString() : null);
			shown.add(item);
		}
		return shown.isEmpty() ? Map.of() : Map.of("registrations", shown);
	}

	@Override
	@Transactional
	public void forget(String emailIndex) {
		anonymise(keys(this.supporters.pseudonyms(emailIndex)));
	}

	@EventListener
	@Transactional
	public void supporterForgotten(SupporterForgotten forgotten) {
		anonymise(keys(forgotten.pseudonyms()));
	}

	/** The pseudonyms within events: the keys the person's registrations carry. */
	private static List<String> keys(Map<String, String> pseudonyms) {
		return Supporters.pseudonymsWithin(pseudonyms, "event:");
	}

	private static String marks(List<String> keys) {
		return String.join(", ", Collections.nCopies(keys.size(), "?"));
	}

	private void anonymise(List<String> keys) {
		if (keys.isEmpty()) {
			return;
		}
		List<Object> params = new ArrayList<>();
		params.add(OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC));
		params.addAll(keys);
		this.jdbc.sql("""
				update event_registrations set supporter_key = null, email_key = null, email_sealed = null,
					name_sealed = null, zip_sealed = null, phone_sealed = null, answers_sealed = null,
					status = case when status = 'WAITING' then 'CANCELLED' else status end, anonymized_at = ?
				where supporter_key in (""" + marks(keys) + ")").params(params).update();
	}

	/** The sealed columns of registrations, for {@code reseal}. */
	@Configuration(proxyBeanMethods = false)
	static class Columns {

		@Bean
		SealedColumn eventRegistrationsEmail() {
			return new SealedColumn("event_registrations", "id", "email_sealed", "event_registrations.email");
		}

		@Bean
		SealedColumn eventRegistrationsName() {
			return new SealedColumn("event_registrations", "id", "name_sealed", "event_registrations.name");
		}

		@Bean
		SealedColumn eventRegistrationsZip() {
			return new SealedColumn("event_registrations", "id", "zip_sealed", "event_registrations.zip");
		}

		@Bean
		SealedColumn eventRegistrationsPhone() {
			return new SealedColumn("event_registrations", "id", "phone_sealed", "event_registrations.phone");
		}

		@Bean
		SealedColumn eventRegistrationsAnswers() {
			return new SealedColumn("event_registrations", "id", "answers_sealed", "event_registrations.answers");
		}

	}

}
