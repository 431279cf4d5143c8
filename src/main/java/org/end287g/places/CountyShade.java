package org.end287g.places;

/**
 * How one county is drawn on a map: its fill class (for example {@code jem}, {@code tfm},
 * {@code wso}, {@code pending}), its accessible label and where it links.
 */
public record CountyShade(String fips, String cssClass, String label, String href) {
}
