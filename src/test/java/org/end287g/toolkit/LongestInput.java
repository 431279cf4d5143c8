package org.end287g.toolkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.zip.GZIPInputStream;

import org.end287g.validation.PlainText;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The longest texts the forms and the importer allow, read from their constraints (so a
 * raised limit is tested at once), and texts of exactly that length: a leader's petition
 * as prose, as one short line after another and as one unbroken word of the widest
 * letter; the longest county and city names from the places shipped in the jar.
 */
public final class LongestInput {

	private static final String PROSE_EN = "We ask the sheriff to end the 287(g) agreement with ICE now, because it "
			+ "separates families and makes our neighbors afraid to call the police when they need help. ";

	private static final String PROSE_ES = "Pedimos al alguacil que ponga fin ya al acuerdo 287(g) con ICE, porque "
			+ "separa a las familias y hace que nuestros vecinos tengan miedo de llamar a la policía. ";

	private LongestInput() {
	}

	/** The most characters a leader's petition may have. */
	public static int petition() {
		return max("org.end287g.campaigns.leaders.LeaderDashboardController$PetitionForm", "text");
	}

	/** The most characters of a signer's first (or last) name. */
	public static int name() {
		return max("org.end287g.campaigns.signing.SignatureForm", "firstName");
	}

	/** The most characters of a signer's comment. */
	public static int comment() {
		return max("org.end287g.campaigns.signing.SignatureForm", "comment");
	}

	/** The most characters of the name of the target's head, as staff type it. */
	public static int headName() {
		return max("org.end287g.campaigns.lifecycle.CampaignStaff$TargetForm", "headName");
	}

	/** The most characters of an agency's name: the importer cuts names to the column. */
	public static int agencyName(JdbcClient jdbc) {
		return jdbc.sql("""
				select character_maximum_length from information_schema.columns
				where lower(table_name) = 'agency' and lower(column_name) = 'name'""").query(Integer.class).single();
	}

	/** Prose in the language, exactly {@code length} characters. */
	public static String prose(String language, int length) {
		return repeat("es".equals(language) ? PROSE_ES : PROSE_EN, length);
	}

	/** One short line after another, exactly {@code length} characters. */
	public static String lines(int length) {
		return repeat("No.\n", length - 1) + "!";
	}

	/** One word of the widest capital, exactly {@code length} characters. */
	public static String word(int length) {
		return "W".repeat(length);
	}

	/** An agency name of words, exactly {@code length} characters. */
	public static String agency(int length) {
		return repeat("Consolidated Metropolitan Sheriff's Office of Wide Counties ", length - 1) + "W";
	}

	/**
	 * A name the signing form accepts, of wide letters and spaces, exactly
	 * {@code length}.
	 */
	public static String personName(int length) {
		return repeat("Wilhelmina Maximiliana ", length - 1) + "W";
	}

	/** The FIPS code and state of the county with the longest name. */
	public static String[] longestCounty() {
		String[] row = longest("places/counties.tsv.gz", 2);
		return new String[] { row[0], row[1] };
	}

	/** The ZIP code of the city with the longest name. */
	public static String longestCityZip() {
		return longest("places/zips.tsv.gz", 1)[0];
	}

	/** The row of a shipped table whose column is longest (its first row is a header). */
	private static String[] longest(String resource, int column) {
		try (InputStream in = LongestInput.class.getClassLoader().getResourceAsStream(resource);
				BufferedReader reader = new BufferedReader(
						new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8))) {
			return reader.lines()
				.skip(1)
				.map((line) -> line.split("\t"))
				.max(Comparator.comparingInt((row) -> row[column].length()))
				.orElseThrow();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String repeat(String text, int length) {
		StringBuilder out = new StringBuilder();
		while (out.length() < length) {
			out.append(text);
		}
		out.setLength(length);
		// no blank at either end: forms strip it
		for (int i : new int[] { 0, length - 1 }) {
			if (Character.isWhitespace(out.charAt(i))) {
				out.setCharAt(i, 'x');
			}
		}
		return out.toString();
	}

	/**
	 * The limit of a form's field (a record component, whose field holds the constraint).
	 */
	private static int max(String type, String component) {
		try {
			return Class.forName(type).getDeclaredField(component).getAnnotation(PlainText.class).max();
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(type + "." + component, ex);
		}
	}

}
