package org.end287g.tracker;

import java.time.LocalDate;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * National totals. {@code asOf} is the publication date of the latest accepted
 * participating sheet, null before any import; {@code byModel} always has JEM, TFM and
 * WSO.
 */
public record TrackerStats(@Nullable LocalDate asOf, Active active, Pending pending, Removed removed) {

	public record Active(int agreements, int agencies, int states, Map<String, Integer> byModel) {
	}

	public record Pending(int agreements, int agencies) {
	}

	public record Removed(int agreements) {
	}

}
