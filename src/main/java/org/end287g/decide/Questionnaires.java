package org.end287g.decide;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The public questionnaire as other modules use it (a leader mails it to the candidates
 * of their campaign's elections): the same signed link and audit as staff's.
 */
public interface Questionnaires {

	/**
	 * Mails the questionnaire to the candidate's published address, in English and
	 * Spanish. Without {@code resend} a candidate is asked once; with it, again, but not
	 * twice within a day.
	 * @param actor the account id that acts, for the audit log
	 * @return the outcome's message key ({@code decide.pledge.ask.sent} when queued)
	 */
	String send(String actor, long candidateId, boolean resend);

	/** Whether each of these candidates can be asked, and when they last were. */
	Map<Long, Asking> asking(Collection<Long> candidateIds);

	/**
	 * Whether a candidate can be asked.
	 *
	 * @param email whether the candidate has a published address
	 * @param askedAt when the questionnaire was last mailed, {@code null} if never
	 */
	record Asking(boolean email, @Nullable OffsetDateTime askedAt) {
	}

}
