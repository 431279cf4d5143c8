package org.end287g.campaigns.leaders;

import org.jspecify.annotations.Nullable;

/** Ids in addresses: a positive whole number, or {@code null} for anything else. */
final class DashboardIds {

	private DashboardIds() {
	}

	static @Nullable Long parse(String value) {
		if (value == null || value.isEmpty() || value.length() > 18
				|| !value.chars().allMatch((c) -> c >= '0' && c <= '9')) {
			return null;
		}
		long id = Long.parseLong(value);
		return (id > 0) ? id : null;
	}

}
