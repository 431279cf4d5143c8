package org.end287g.tracker.moa;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The signing date and signers read from an MOA's signature page, the page that says "By
 * signing this MOA". ICE's MOAs are signed digitally by ICE ("Digitally signed by ...
 * Date: 2020.06.09") and by hand by the sheriff (a name printed above a title), or dated
 * in words ("February 26, 2025"). Scans and scrawls give nothing, and then nothing is
 * claimed: these are hints for readers, never facts we invent.
 */
final class Signatures {

	private static final Pattern SIGNING_PAGE = Pattern
		.compile("(?i)" + String.join("\\s*", "bysigningthis".split("")) + "\\s*(moa|addendum)");

	private static final Pattern DIGITAL_DATE = Pattern.compile("Date:\\s*((?:19|20)\\d\\d)\\.(\\d\\d)\\.(\\d\\d)");

	private static final Pattern WORDS_DATE = Pattern.compile(
			"(January|February|March|April|May|June|July|August|September|October|November|December)\\s+(\\d{1,2}),\\s*((?:19|20)\\d\\d)");

	private static final Pattern NAME = Pattern.compile(
			"(?:[A-Z]\\.\\s?){1,3}[A-Z][a-z]+(?:-[A-Z][a-z]+)?|[A-Z][a-z]+(?:\\s[A-Z]\\.?)?\\s[A-Z][a-z]+(?:-[A-Z][a-z]+)?");

	private static final Pattern TITLE = Pattern.compile(
			"(?i).*\\b(sheriff|director|chief|commissioner|major|captain|colonel|secretary|superintendent|warden|administrator)\\b.*");

	private static final Pattern NOT_A_NAME = Pattern.compile(
			"(?i).*\\b(date|signature|title|for|county|office|department|enforcement|homeland|security|removal|operations|revised|appendix|sheriff|director|the|and)\\b.*");

	private Signatures() {
	}

	static MoaText of(List<MoaText.Page> pages) {
		Optional<MoaText.Page> signing = pages.stream()
			.filter((page) -> SIGNING_PAGE.matcher(page.text()).find())
			.findFirst();
		if (signing.isEmpty()) {
			return new MoaText(pages, null, List.of());
		}
		String block = afterSigningClause(signing.get().text());
		return new MoaText(pages, date(block), signers(block));
	}

	private static String afterSigningClause(String text) {
		Matcher clause = SIGNING_PAGE.matcher(text);
		return clause.find() ? text.substring(clause.start()) : text;
	}

	/** The latest date on the signature block: the MOA takes effect when both signed. */
	static @Nullable LocalDate date(String block) {
		LocalDate latest = null;
		Matcher digital = DIGITAL_DATE.matcher(block);
		while (digital.find()) {
			latest = later(latest, safeDate(digital.group(1), digital.group(2), digital.group(3)));
		}
		Matcher words = WORDS_DATE.matcher(block);
		while (words.find()) {
			String month = String.valueOf(Month.valueOf(words.group(1).toUpperCase(Locale.ROOT)).getValue());
			latest = later(latest, safeDate(words.group(3), month, words.group(2)));
		}
		return latest;
	}

	/** Printed names (followed by their title when the next line is one). */
	static List<MoaText.Signer> signers(String block) {
		Map<String, MoaText.Signer> bySurname = new LinkedHashMap<>();
		String[] lines = block.split("\n");
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i].strip().replaceAll("[ .,]+$", "");
			if (NAME.matcher(line).matches() && !NOT_A_NAME.matcher(line).matches()) {
				String next = (i + 1 < lines.length) ? lines[i + 1].strip() : "";
				String title = (TITLE.matcher(next).matches() && !next.toLowerCase(Locale.ROOT).contains("office"))
						? next : null;
				String surname = line.substring(line.lastIndexOf(' ') + 1).toLowerCase(Locale.ROOT);
				bySurname.putIfAbsent(surname.substring(surname.lastIndexOf('.') + 1), new MoaText.Signer(line, title));
			}
		}
		return new ArrayList<>(bySurname.values());
	}

	private static @Nullable LocalDate later(@Nullable LocalDate a, @Nullable LocalDate b) {
		if (a == null) {
			return b;
		}
		return (b != null && b.isAfter(a)) ? b : a;
	}

	private static @Nullable LocalDate safeDate(String year, String month, String day) {
		try {
			return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

}
