package org.end287g.places;

import org.jspecify.annotations.Nullable;

/**
 * A county known by a name someone typed: by its own name ({@code city} null) or as the
 * county holding most of a city's ZIP codes. {@code edits} is 0 for the exact name, 1 for
 * a typo or a different suffix ("Richmond County" for "Richmond city"); {@code zipCodes}
 * counts the ZIP codes of the city in that county, or of the whole county, a rough
 * measure of how many people live there.
 */
public record NamedPlace(County county, @Nullable String city, int edits, int zipCodes) {
}
