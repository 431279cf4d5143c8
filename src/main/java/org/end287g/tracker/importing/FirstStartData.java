package org.end287g.tracker.importing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.end287g.CommandRun;
import org.end287g.tracker.ImportResult;
import org.end287g.tracker.SheetSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Imports ICE's sheets shipped in the jar ({@value #LOCATION}) through the ordinary
 * importer while the database holds no sheet imported otherwise (a fresh installation, or
 * one cut off in the middle of its first start). They stay as ordinary snapshots of
 * source FIRST_START: a newer sheet supersedes them as any sheet supersedes an older one,
 * and older sheets are placed before them in the history.
 */
@Component
class FirstStartData {

	private static final Logger log = LoggerFactory.getLogger(FirstStartData.class);

	static final String LOCATION = "classpath:first-start/*.xlsx";

	private final SheetImporter importer;

	private final SheetStore store;

	private final boolean enabled;

	FirstStartData(SheetImporter importer, SheetStore store, FirstStartProperties properties, CommandRun run) {
		this.importer = importer;
		this.store = store;
		this.enabled = properties.enabled() && run.servesSite();
	}

	@EventListener(ApplicationReadyEvent.class)
	void loadIntoEmptyDatabase() {
		if (this.enabled) {
			load();
		}
	}

	/**
	 * Imports the shipped sheets not imported yet, unless sheets were imported otherwise.
	 * Every start looks: the checksums tell at once, without reading the workbooks again.
	 */
	List<ImportResult> load() {
		if (this.store.hasImportedSheets()) {
			return List.of();
		}
		long started = System.nanoTime();
		List<ImportResult> results = new ArrayList<>();
		for (Shipped sheet : sheets()) {
			byte[] content = sheet.content();
			if (!this.store.contains(SheetImporter.sha256(content), SheetFileName.parse(sheet.fileName()))) {
				results.add(this.importer.importSheet(new ByteArrayInputStream(content), sheet.fileName(),
						SheetSource.FIRST_START));
			}
		}
		if (!results.isEmpty()) {
			log.info("First-start data: {} of ICE's sheets shipped with end287g imported in {} ms", results.size(),
					(System.nanoTime() - started) / 1_000_000);
		}
		return results;
	}

	/** The shipped sheets, oldest publication first (the order ICE published them). */
	static List<Shipped> sheets() {
		try {
			return Stream.of(new PathMatchingResourcePatternResolver().getResources(LOCATION))
				.map((resource) -> new Shipped(Objects.requireNonNull(resource.getFilename()), resource))
				.sorted(Comparator.comparing((Shipped sheet) -> SheetFileName.parse(sheet.fileName()).publishedAt()))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list " + LOCATION, ex);
		}
	}

	/** One shipped sheet and ICE's file name, which carries its list and date. */
	record Shipped(String fileName, Resource resource) {

		byte[] content() {
			try (InputStream in = this.resource.getInputStream()) {
				return in.readAllBytes();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read the shipped sheet " + this.fileName, ex);
			}
		}

	}

}
