package org.end287g.tracker.reading;

import java.time.LocalDateTime;

import org.end287g.tracker.AgencyView;
import org.jspecify.annotations.Nullable;

/**
 * One event in an agreement's history: {@code kind} is LISTED_PENDING, LISTED_ACTIVE,
 * MOVED_TO_ACTIVE, REMOVED, RELISTED or RENAMED; {@code detail} is the importer's note.
 */
public record AgreementChange(long id, String kind, LocalDateTime occurredAt, @Nullable String detail, String model,
		AgencyView agency) {
}
