package org.end287g.places;

/**
 * A county or county equivalent (parish, borough, independent city), with the centroid of
 * its outline.
 */
public record County(String fips, String name, String stateCode, double latitude, double longitude) {
}
