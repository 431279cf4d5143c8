package org.end287g.tracker;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * ICE's sheets shipped in the jar for the first start (src/main/resources/first-start),
 * loaded on demand: tests start on an empty database (end287g.first-start.enabled=false).
 * Unlike the sheets beside the repository ({@code SharedData}), they are always there.
 * Campaigns for the new agencies are created after the import's commit, on another
 * thread; a test that needs them at once calls {@code Campaigns.createMissing()}.
 */
public final class FirstStartSheets {

	/** The publication date of the shipped participating sheet (what the site shows). */
	public static final String PARTICIPATING_PUBLISHED = "2025-06-27";

	private FirstStartSheets() {
	}

	/** Imports the shipped sheets, oldest first, as the first start does. */
	public static List<ImportResult> load(IceSheets sheets) {
		List<ImportResult> results = new ArrayList<>();
		for (Resource sheet : shipped()) {
			try (InputStream in = sheet.getInputStream()) {
				results.add(sheets.importSheet(in, String.valueOf(sheet.getFilename()), SheetSource.FIRST_START));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return results;
	}

	/**
	 * Clears the tracker's tables and imports the shipped sheets, unless exactly they are
	 * what the tables hold already (importing takes a few seconds).
	 */
	public static void loadAlone(IceSheets sheets, JdbcClient jdbc) {
		long shipped = jdbc.sql("select count(*) from ice_sheet where source = 'FIRST_START' and accepted")
			.query(Long.class)
			.single();
		long all = jdbc.sql("select count(*) from ice_sheet").query(Long.class).single();
		if (shipped != shipped().size() || all != shipped) {
			new TrackerFixture(jdbc).clear();
			load(sheets);
		}
	}

	/** The shipped sheets, oldest publication first (ICE's file names sort by date). */
	public static List<Resource> shipped() {
		try {
			return Stream.of(new PathMatchingResourcePatternResolver().getResources("classpath:first-start/*.xlsx"))
				.sorted(Comparator.comparing(FirstStartSheets::publication))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** {@code participatingAgencies06272025am.xlsx} sorts as 20250627am. */
	private static String publication(Resource sheet) {
		return String.valueOf(sheet.getFilename()).replaceAll("\\D*(\\d{2})(\\d{2})(\\d{4})(am|pm).*", "$3$1$2$4");
	}

}
