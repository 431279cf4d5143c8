package org.end287g.privacy;

import java.util.Map;

/**
 * Published, in the deleting transaction, just before a supporter's row is deleted (by
 * retention or at the person's request). Modules that keep rows about the supporter
 * (signatures, registrations) find them by the supporter's {@link #pseudonyms} and
 * anonymise or delete them in a synchronous listener, keeping their counts: not an
 * after-commit module listener, whose recorded event would outlive the supporter, and a
 * failing listener must roll the deletion back so retention tries again. A listener must
 * be idempotent: the same supporter may be announced again if a transaction is retried.
 *
 * @param supporterId the supporter's id
 * @param emailIndex the blind index of the supporter's e-mail address
 * @param pseudonyms the supporter's {@linkplain Supporters#pseudonym pseudonym} within
 * each holder that ever held them, by holder: what the rows to anonymise carry
 */
public record SupporterForgotten(long supporterId, String emailIndex, Map<String, String> pseudonyms) {

	public SupporterForgotten {
		pseudonyms = Map.copyOf(pseudonyms);
	}

	@Override
	public String toString() {
		return "SupporterForgotten[supporterId=" + this.supporterId + "]";
	}

}
