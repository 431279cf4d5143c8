package org.end287g.tracker;

import org.jspecify.annotations.Nullable;

/**
 * The county an agency serves, named as the places module names it ({@code name} is null
 * for a FIPS code the places module does not know).
 */
public record CountyRef(String fips, @Nullable String name) {
}
