package org.end287g.tracker;

/** The county an agency serves, named as the places module names it. */
public record CountyRef(String fips, String name) {
}
