package org.end287g.tracker.reading;

import org.end287g.tracker.AgencyView;

/** A name an agency is or was listed under. */
public record AgencyName(String name, AgencyView agency) {
}
