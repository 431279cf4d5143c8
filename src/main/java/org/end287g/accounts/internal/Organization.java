package org.end287g.accounts.internal;

import java.time.OffsetDateTime;

/** A partner organization. */
record Organization(long id, String name, OffsetDateTime createdAt) {

}
