package org.end287g.tracker.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The words of a name or a query, compared without case, accents or punctuation, and the
 * vocabulary of search: abbreviations and Spanish words spelled out in one English form
 * ("Co." and "condado" are "county", "SO" is "sheriff office", "Dept" is "office" as
 * Sheriff's Department and Sheriff's Office are the same thing to a searcher).
 */
final class SearchWords {

	/** Kinds of agency: matched when present, never required to find a place. */
	static final Set<String> AGENCY_KINDS = Set.of("sheriff", "office", "police", "public", "safety", "corrections",
			"jail", "detention", "patrol", "highway", "state", "metropolitan", "division", "investigation", "marshal",
			"constable", "enforcement");

	/** Kinds of place a name may carry. */
	static final Set<String> PLACE_KINDS = Set.of("county", "parish", "borough", "city", "town", "township", "village");

	// Only kinds no real place is one typo away from ("Paris" is not a parish, Marshall
	// not a marshal).
	private static final List<String> MISSPELT_KINDS = List.of("sheriff", "office", "police", "corrections",
			"detention", "metropolitan", "investigation", "enforcement", "county", "township");

	/** Kinds of place that are counties or stand for one. */
	static final Set<String> COUNTY_KINDS = Set.of("county", "parish", "borough");

	/** Words that only join others ("condado de Gaston", "City of St. Cloud"). */
	static final Set<String> JOINING = Set.of("of", "the", "and", "la", "el", "los", "las", "y", "en");

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern NOT_WORD = Pattern.compile("[^a-z0-9]+");

	private static final Map<String, String> SPELLED_OUT = Map.ofEntries(Map.entry("sheriffs", "sheriff"),
			Map.entry("sherrif", "sheriff"), Map.entry("sherrifs", "sheriff"), Map.entry("sherriff", "sheriff"),
			Map.entry("sherriffs", "sheriff"), Map.entry("alguacil", "sheriff"), Map.entry("so", "sheriff office"),
			Map.entry("sd", "sheriff office"), Map.entry("shf", "sheriff"), Map.entry("dept", "office"),
			Map.entry("dpt", "office"), Map.entry("dep", "office"), Map.entry("department", "office"),
			Map.entry("departamento", "office"), Map.entry("depto", "office"), Map.entry("oficina", "office"),
			Map.entry("ofc", "office"), Map.entry("pd", "police office"), Map.entry("policia", "police"),
			Map.entry("mpd", "metropolitan police office"), Map.entry("metro", "metropolitan"),
			Map.entry("dps", "office public safety"), Map.entry("publica", "public"), Map.entry("seguridad", "safety"),
			Map.entry("doc", "office corrections"), Map.entry("correction", "corrections"),
			Map.entry("correctional", "corrections"), Map.entry("correccional", "corrections"),
			Map.entry("correcciones", "corrections"), Map.entry("carcel", "jail"), Map.entry("detencion", "detention"),
			Map.entry("hp", "highway patrol"), Map.entry("shp", "state highway patrol"),
			Map.entry("sp", "state police"), Map.entry("patrulla", "patrol"), Map.entry("carreteras", "highway"),
			Map.entry("carretera", "highway"), Map.entry("estatal", "state"), Map.entry("co", "county"),
			Map.entry("cnty", "county"), Map.entry("cty", "county"), Map.entry("condado", "county"),
			Map.entry("parroquia", "parish"), Map.entry("ciudad", "city"), Map.entry("pueblo", "town"),
			Map.entry("twp", "township"), Map.entry("st", "saint"), Map.entry("ste", "sainte"), Map.entry("ft", "fort"),
			Map.entry("mt", "mount"), Map.entry("de", "of"), Map.entry("del", "of"), Map.entry("univ", "university"),
			Map.entry("universidad", "university"));

	private SearchWords() {
	}

	/** Lower case, no accents or apostrophes, split at anything else. */
	static List<String> plain(String text) {
		String folded = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD))
			.replaceAll("")
			.toLowerCase(Locale.ROOT)
			.replace("'", "")
			.replace("\u2019", "");
		List<String> words = new ArrayList<>();
		for (String word : NOT_WORD.split(folded)) {
			if (!word.isEmpty()) {
				words.add(word);
			}
		}
		return words;
	}

	/**
	 * The plain words with abbreviations and Spanish words in their English form, and
	 * kinds with one typo ("sherif", "ofice") spelled right.
	 */
	static List<String> spelledOut(List<String> plain) {
		List<String> words = new ArrayList<>(plain.size() + 2);
		for (String word : plain) {
			String spelled = SPELLED_OUT.get(word);
			if (spelled == null) {
				spelled = misspeltKind(word);
			}
			if (spelled == null) {
				words.add(word);
			}
			else {
				words.addAll(List.of(spelled.split(" ")));
			}
		}
		return words;
	}

	private static @Nullable String misspeltKind(String word) {
		if (word.length() < 5 || isKind(word)) {
			return null;
		}
		for (String kind : MISSPELT_KINDS) {
			if (distance(word, kind, 1) <= 1) {
				return kind;
			}
		}
		return null;
	}

	static boolean isKind(String word) {
		return AGENCY_KINDS.contains(word) || PLACE_KINDS.contains(word);
	}

	/** A word that names something: neither a kind, a joining word nor a lone letter. */
	static boolean isCore(String word) {
		return !isKind(word) && !JOINING.contains(word) && !isLoneLetter(word);
	}

	static boolean isLoneLetter(String word) {
		return word.length() == 1 && Character.isLetter(word.charAt(0));
	}

	/** Edits a typed word may differ by: none when short, one, two when long. */
	static int allowedEdits(String word) {
		return (word.length() >= 8) ? 2 : (word.length() >= 4) ? 1 : 0;
	}

	/** One insertion, deletion or substitution apart (lengths differ by one at most). */
	private static boolean withinOneEdit(String a, String b) {
		String shorter = (a.length() <= b.length()) ? a : b;
		String longer = (shorter == a) ? b : a;
		int start = 0;
		while (start < shorter.length() && shorter.charAt(start) == longer.charAt(start)) {
			start++;
		}
		if (start == shorter.length()) {
			return true;
		}
		int skip = (shorter.length() == longer.length()) ? 1 : 0;
		return shorter.regionMatches(start + skip, longer, start + 1, shorter.length() - start - skip);
	}

	/**
	 * Edit distance, giving up (returning {@code limit + 1}) once it exceeds the limit.
	 */
	static int distance(String a, String b, int limit) {
		if (Math.abs(a.length() - b.length()) > limit) {
			return limit + 1;
		}
		if (limit == 1) {
			return a.equals(b) ? 0 : (withinOneEdit(a, b) ? 1 : 2);
		}
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			int rowMin = current[0];
			for (int j = 1; j <= b.length(); j++) {
				int substitute = previous[j - 1] + ((a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1);
				current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
				rowMin = Math.min(rowMin, current[j]);
			}
			if (rowMin > limit) {
				return limit + 1;
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return Math.min(previous[b.length()], limit + 1);
	}

}
