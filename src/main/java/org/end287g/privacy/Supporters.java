package org.end287g.privacy;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * People who sign petitions or register for events without an account, known by their
 * e-mail address. Their data is encrypted at rest and kept only while a campaign or an
 * event holds it (see {@link #hold}), then for the retention period
 * ({@code end287g.privacy.retention}), then deleted.
 * <p>
 * Other modules never store a supporter's id: a campaign's or an event's rows carry the
 * supporter's {@linkplain #pseudonym pseudonym within that holder}, so that a database
 * dump cannot tie one person's rows in two campaigns or events together. The supporter's
 * own row keeps the list of its holders sealed; only the application, with the keys, goes
 * from a person to their rows.
 */
public interface Supporters {

	/**
	 * Registers a supporter, or updates the one with the same e-mail address: given
	 * values replace the stored ones, {@code null} values keep them. Idempotent and safe
	 * when two requests register the same address at once.
	 * @return the supporter's id
	 * @throws IllegalArgumentException when the e-mail address is not valid or a value is
	 * too long (callers validate their forms first, this is the last line)
	 */
	long register(SupporterDetails details);

	/**
	 * Registers many supporters at once, as {@link #register} does one by one, with a few
	 * statements for the whole list (a viral petition signs hundreds at a time).
	 * @return their ids, in the order given
	 */
	List<Long> registerAll(List<SupporterDetails> details);

	/** {@link #hold} for many supporters and one holder, with a few statements. */
	void holdAll(Collection<Long> supporterIds, String holder);

	/** The supporter with this e-mail address (compared after normalisation). */
	Optional<Supporter> findByEmail(String email);

	/**
	 * Keeps the supporter's data for a holder, e.g. "campaign:12" or "event:7" (at most
	 * 64 characters). Holding again re-opens an ended hold.
	 */
	void hold(long supporterId, String holder);

	/**
	 * The supporter's key within one holder ("campaign:12", "event:7"): what that
	 * holder's rows store instead of the supporter's id. A keyed hash, unrelated to the
	 * supporter's key within any other holder.
	 */
	String pseudonym(long supporterId, String holder);

	/**
	 * The pseudonym within each holder that ever held the supporter with this e-mail
	 * index, by holder; empty when there is no such supporter.
	 */
	Map<String, String> pseudonyms(String emailIndex);

	/**
	 * Of a supporter's {@linkplain #pseudonyms pseudonyms by holder}, those within
	 * holders of one kind ({@code "campaign:"}, {@code "event:"}): the keys that kind's
	 * rows carry.
	 */
	static List<String> pseudonymsWithin(Map<String, String> pseudonyms, String kind) {
		return pseudonyms.entrySet()
			.stream()
			.filter((pseudonym) -> pseudonym.getKey().startsWith(kind))
			.map(Map.Entry::getValue)
			.toList();
	}

	/**
	 * Ends every open hold of a holder (the campaign closed, the event is over); the
	 * retention period counts from {@code endedAt}.
	 * @return how many holds ended
	 */
	int endHolds(String holder, Instant endedAt);

}
