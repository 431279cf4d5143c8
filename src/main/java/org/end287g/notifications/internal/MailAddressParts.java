package org.end287g.notifications.internal;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * What the pages listing kept mail (staff's {@code /admin/mail}, the embedded default's
 * {@code /mailbox}) read from their addresses: a page number and a message's id.
 */
final class MailAddressParts {

	/** The highest page number taken; anything past it shows the first page. */
	private static final int MAX_PAGE = 100_000;

	private MailAddressParts() {
	}

	/** Page numbers are 1-based in the address; anything else shows the first page. */
	static int pageNumber(@Nullable String page) {
		try {
			int number = Integer.parseInt(page);
			return (number < 1 || number > MAX_PAGE) ? 0 : number - 1;
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	/** A message's id, or none when the address holds no number that fits one. */
	static Optional<Long> id(String id) {
		try {
			return (id.length() <= 19) ? Optional.of(Long.valueOf(id)) : Optional.empty();
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

}
