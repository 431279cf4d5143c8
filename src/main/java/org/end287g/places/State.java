package org.end287g.places;

/**
 * A US state, the District of Columbia or a territory, e.g.
 * {@code NC / 37 / North Carolina}.
 */
public record State(String code, String fips, String name) {
}
