package org.end287g.tracker;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Everything public about one agency: its agreements, the names it was listed under, and
 * the raw values and issues the importer kept.
 */
public record AgencyProfile(AgencyView agency, List<AgreementView> agreements, List<String> formerNames,
		RawValues raw) {

	public record RawValues(@Nullable String state, @Nullable String name, @Nullable String kind,
			@Nullable String county, @Nullable String issues) {

		public boolean any() {
			return this.state != null || this.name != null || this.kind != null || this.county != null
					|| this.issues != null;
		}

	}

}
