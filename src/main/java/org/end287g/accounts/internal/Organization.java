package org.end287g.accounts.internal;

import java.time.OffsetDateTime;

/** A partner organization. */
record Organization(long id, String name, OffsetDateTime createdAt) {

	/** The longest name an organization may have. */
	static final int MAX_NAME = 200;

}
