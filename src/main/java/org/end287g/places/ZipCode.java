package org.end287g.places;

/** A ZIP code with its place name, county and coordinates. */
public record ZipCode(String zip, String city, String stateCode, String countyFips, double latitude, double longitude) {
}
