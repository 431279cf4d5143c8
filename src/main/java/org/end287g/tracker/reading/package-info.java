/**
 * Reading: the read model behind TrackerReader, loaded in a few queries per data version,
 * and the SVG pictures drawn from it.
 */
@org.jspecify.annotations.NullMarked
package org.end287g.tracker.reading;
