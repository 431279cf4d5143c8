package org.end287g.privacy;

/**
 * Published, in the deleting transaction, just before a supporter's row is deleted (by
 * retention or at the person's request). Modules that keep rows about the supporter
 * (signatures, registrations) anonymise or delete them in a synchronous listener, keeping
 * their counts: not an after-commit module listener, because the deletion then has
 * cleared {@code supporter_id} (on delete set null), and a failing listener must roll the
 * deletion back so retention tries again. A listener must be idempotent: the same
 * supporter may be announced again if a transaction is retried.
 *
 * @param supporterId the supporter's id
 * @param emailIndex the blind index of the supporter's e-mail address
 */
public record SupporterForgotten(long supporterId, String emailIndex) {

}
