package org.end287g.tracker.importing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.end287g.CommandRun;
import org.end287g.tracker.ImportResult;
import org.end287g.tracker.SheetSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Loads the bundled North Carolina sample into an empty database
 * (end287g.sample.enabled), as a SAMPLE snapshot that the first official sheet replaces.
 */
@Component
class SampleData {

	private static final Logger log = LoggerFactory.getLogger(SampleData.class);

	static final String RESOURCE = "sample/participating-sample.csv";

	/** The publication date of the ICE sheet the sample was copied from. */
	private static final LocalDateTime COPIED_FROM = LocalDateTime.of(2025, 6, 27, 0, 0);

	private final SheetImporter importer;

	private final SheetRowCleaner cleaner;

	private final boolean enabled;

	SampleData(SheetImporter importer, SheetRowCleaner cleaner, SampleProperties properties, CommandRun run) {
		this.importer = importer;
		this.cleaner = cleaner;
		this.enabled = properties.enabled() && run.servesSite();
	}

	@EventListener(ApplicationReadyEvent.class)
	void loadIntoEmptyDatabase() {
		if (this.enabled) {
			ImportResult result = load();
			log.info("Sample data: {}", result.summary());
		}
	}

	ImportResult load() {
		byte[] csv = read();
		List<RawRow> rows = parse(new String(csv, StandardCharsets.UTF_8));
		SheetFileName name = new SheetFileName("PARTICIPATING", COPIED_FROM);
		return this.importer.apply(new PreparedSheet(name, "participating-sample.csv", "sample-" + sha256(csv),
				this.cleaner.clean(rows, true), SheetSource.SAMPLE));
	}

	static List<RawRow> parse(String csv) {
		List<RawRow> rows = new ArrayList<>();
		int line = 0;
		for (String text : csv.split("\\R")) {
			line++;
			if (text.isBlank() || text.startsWith("#") || text.startsWith("STATE,")) {
				continue;
			}
			String[] cells = text.split(",", -1);
			rows.add(new RawRow(line, cells[0], cells[1], cells[2], cells[3], cells[4], cells[5], "link", cells[6],
					null, null));
		}
		return rows;
	}

	private static byte[] read() {
		try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Missing " + RESOURCE, ex);
		}
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 57);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
