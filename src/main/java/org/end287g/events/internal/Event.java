package org.end287g.events.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * An event as stored. Titles, descriptions and the questions to registrants are written
 * in English and, when the organiser wrote them, in Spanish; a Spanish reader sees the
 * English text otherwise.
 */
record Event(long id, String slug, String titleEn, @Nullable String titleEs, String descriptionEn,
		@Nullable String descriptionEs, Kind kind, Instant start, Instant end, ZoneId zone, int capacity,
		@Nullable String venue, @Nullable String address, @Nullable String zip, @Nullable String state,
		boolean addressPublic, @Nullable String onlineUrl, List<String> partners, List<String> questions,
		List<String> questionsEs, Status status, int sequence, String createdBy, Instant updatedAt,
		List<Speaker> speakers, List<Long> campaignIds) {

	enum Kind {

		ONLINE, IN_PERSON, HYBRID;

		boolean inPerson() {
			return this != ONLINE;
		}

		boolean online() {
			return this != IN_PERSON;
		}

		String messageKey() {
			return "events.kind." + name();
		}

	}

	enum Status {

		DRAFT, PUBLISHED, CANCELLED

	}

	record Speaker(String name, @Nullable String role, @Nullable String organization) {

	}

	/** The same event with its speakers and campaigns, which are read apart. */
	Event withDetails(List<Speaker> speakers, List<Long> campaignIds) {
		return new Event(this.id, this.slug, this.titleEn, this.titleEs, this.descriptionEn, this.descriptionEs,
				this.kind, this.start, this.end, this.zone, this.capacity, this.venue, this.address, this.zip,
				this.state, this.addressPublic, this.onlineUrl, this.partners, this.questions, this.questionsEs,
				this.status, this.sequence, this.createdBy, this.updatedAt, List.copyOf(speakers),
				List.copyOf(campaignIds));
	}

	boolean spanish(Locale locale) {
		return "es".equals(locale.getLanguage());
	}

	String title(Locale locale) {
		return (spanish(locale) && this.titleEs != null) ? this.titleEs : this.titleEn;
	}

	/**
	 * The language of {@link #title(Locale)}: "en" when a Spanish reader gets English.
	 */
	String titleLanguage(Locale locale) {
		return (spanish(locale) && this.titleEs != null) ? "es" : "en";
	}

	/**
	 * The questions to registrants in the reader's language: the Spanish ones, given one
	 * for each English question, for a Spanish reader; the English ones otherwise.
	 */
	List<String> questions(Locale locale) {
		return spanishQuestions(locale) ? this.questionsEs : this.questions;
	}

	/** The language of {@link #questions(Locale)}. */
	String questionsLanguage(Locale locale) {
		return spanishQuestions(locale) ? "es" : "en";
	}

	private boolean spanishQuestions(Locale locale) {
		return spanish(locale) && !this.questionsEs.isEmpty() && this.questionsEs.size() == this.questions.size();
	}

	String description(Locale locale) {
		return (spanish(locale) && this.descriptionEs != null) ? this.descriptionEs : this.descriptionEn;
	}

	String descriptionLanguage(Locale locale) {
		return (spanish(locale) && this.descriptionEs != null) ? "es" : "en";
	}

	ZonedDateTime localStart() {
		return this.start.atZone(this.zone);
	}

	ZonedDateTime localEnd() {
		return this.end.atZone(this.zone);
	}

	boolean published() {
		return this.status == Status.PUBLISHED;
	}

	boolean cancelled() {
		return this.status == Status.CANCELLED;
	}

	boolean over(Instant now) {
		return !this.end.isAfter(now);
	}

	boolean started(Instant now) {
		return !this.start.isAfter(now);
	}

	/** The holder name under which registrations keep supporters' data. */
	String holder() {
		return "event:" + this.id;
	}

}
