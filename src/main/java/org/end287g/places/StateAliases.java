package org.end287g.places;

import java.util.Map;

/**
 * Other ways people write a state: its Spanish name where it differs from the English
 * one, and the abbreviations of newspapers and mail ("N.C.", "Calif.", "Penna.").
 */
final class StateAliases {

	static final Map<String, String> CODE_BY_ALIAS = Map.ofEntries(Map.entry("carolina del norte", "NC"),
			Map.entry("carolina del sur", "SC"), Map.entry("dakota del norte", "ND"), Map.entry("dakota del sur", "SD"),
			Map.entry("nuevo mexico", "NM"), Map.entry("nueva york", "NY"), Map.entry("nueva jersey", "NJ"),
			Map.entry("nuevo hampshire", "NH"), Map.entry("pensilvania", "PA"), Map.entry("luisiana", "LA"),
			Map.entry("misisipi", "MS"), Map.entry("misuri", "MO"), Map.entry("virginia occidental", "WV"),
			Map.entry("hawai", "HI"), Map.entry("tenesi", "TN"), Map.entry("distrito de columbia", "DC"),
			Map.entry("islas virgenes", "VI"), Map.entry("islas virgenes de los estados unidos", "VI"),
			Map.entry("samoa americana", "AS"), Map.entry("islas marianas del norte", "MP"), Map.entry("ala", "AL"),
			Map.entry("ariz", "AZ"), Map.entry("ark", "AR"), Map.entry("calif", "CA"), Map.entry("cal", "CA"),
			Map.entry("colo", "CO"), Map.entry("conn", "CT"), Map.entry("del", "DE"), Map.entry("fla", "FL"),
			Map.entry("ga", "GA"), Map.entry("ill", "IL"), Map.entry("ind", "IN"), Map.entry("kan", "KS"),
			Map.entry("kans", "KS"), Map.entry("ky", "KY"), Map.entry("la", "LA"), Map.entry("md", "MD"),
			Map.entry("mass", "MA"), Map.entry("mich", "MI"), Map.entry("minn", "MN"), Map.entry("miss", "MS"),
			Map.entry("mo", "MO"), Map.entry("mont", "MT"), Map.entry("neb", "NE"), Map.entry("nebr", "NE"),
			Map.entry("nev", "NV"), Map.entry("okla", "OK"), Map.entry("ore", "OR"), Map.entry("oreg", "OR"),
			Map.entry("pa", "PA"), Map.entry("penn", "PA"), Map.entry("penna", "PA"), Map.entry("tenn", "TN"),
			Map.entry("tex", "TX"), Map.entry("vt", "VT"), Map.entry("va", "VA"), Map.entry("wash", "WA"),
			Map.entry("w va", "WV"), Map.entry("wis", "WI"), Map.entry("wisc", "WI"), Map.entry("wyo", "WY"),
			Map.entry("u s virgin islands", "VI"));

	private StateAliases() {
	}

}
