package org.end287g.tracker;

import org.jspecify.annotations.Nullable;

/**
 * A law enforcement agency as the public reads it; {@code county} is null when the
 * importer could not resolve it.
 */
public record AgencyView(String name, String slug, String state, String kind, @Nullable CountyRef county) {
}
