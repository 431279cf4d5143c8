package org.end287g.tracker;

import java.util.List;

/**
 * Everything public about one agency: its agreements, the names it was listed under, and
 * the raw values and issues the importer kept.
 */
public record AgencyProfile(AgencyView agency, List<AgreementView> agreements, List<String> formerNames,
		RawValues raw) {

	public record RawValues(String state, String name, String kind, String county, String issues) {

		public boolean any() {
			return this.state != null || this.name != null || this.kind != null || this.county != null
					|| this.issues != null;
		}

	}

}
