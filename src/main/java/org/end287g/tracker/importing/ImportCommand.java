package org.end287g.tracker.importing;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.end287g.tracker.DateSource;
import org.end287g.tracker.ImportResult;
import org.end287g.tracker.PublishedAt;
import org.end287g.tracker.SheetSource;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar end287g.jar import PATH...}: imports files, or every .xlsx in a
 * folder, in publication order, one summary line per sheet. After each sheet it waits for
 * what other modules do after an import (campaigns), as a server would have done between
 * two publications. A file whose name has no date takes {@code --published
 * 2026-09-15T12:00} (one file only; the option then wins over any date in the name). Exit
 * code 0 when every sheet was accepted or already imported, 1 when one was refused or
 * could not be read, 2 on a usage error, 3 when none was refused but one was held for
 * staff (the later ones were still imported).
 */
@Component
@ConditionalOnProperty(name = "end287g.cli", havingValue = "import")
class ImportCommand implements ApplicationRunner, ExitCodeGenerator {

	private static final Duration FOLLOW_UPS_AT_MOST = Duration.ofMinutes(2);

	/** Some sheet was held for staff, none refused. */
	static final int HELD = 3;

	private static final String USAGE = "usage: import [--published=YYYY-MM-DDTHH:MM] PATH... "
			+ "(ICE .xlsx files or folders holding them; --published with one file only)";

	private final SheetImporter sheets;

	private final ImportFollowUps followUps;

	private int exitCode;

	ImportCommand(SheetImporter sheets, ImportFollowUps followUps) {
		this.sheets = sheets;
		this.followUps = followUps;
	}

	@Override
	public void run(ApplicationArguments args) {
		List<String> paths = new ArrayList<>(args.getNonOptionArgs());
		if (!paths.isEmpty() && "import".equals(paths.get(0))) {
			paths.remove(0);
		}
		List<String> values = args.getOptionValues("published");
		String published = (values != null && !values.isEmpty()) ? values.get(0) : null;
		// "--published 2026-09-15T12:00" (a space, not "="): the value is the next
		// argument
		List<String> source = List.of(args.getSourceArgs());
		int option = source.indexOf("--published");
		if (option >= 0) {
			published = (option + 1 < source.size()) ? source.get(option + 1) : "";
			paths.remove(published);
		}
		this.exitCode = run(paths, published, System.out);
	}

	@Override
	public int getExitCode() {
		return this.exitCode;
	}

	int run(List<String> paths, PrintStream out) {
		return run(paths, null, out);
	}

	int run(List<String> paths, @Nullable String published, PrintStream out) {
		if (paths.isEmpty()) {
			out.println(USAGE);
			return 2;
		}
		PublishedAt date = null;
		if (published != null) {
			try {
				date = new PublishedAt(LocalDateTime.parse(published.trim()), DateSource.OPTION);
			}
			catch (DateTimeParseException ex) {
				out.println("ERROR --published must be a date and time such as 2026-09-15T12:00, not " + published);
				out.println(USAGE);
				return 2;
			}
		}
		List<Path> files = new ArrayList<>();
		boolean failed = false;
		for (String path : paths) {
			failed |= !collect(Paths.get(path), files, out);
		}
		if (date != null && files.size() != 1) {
			out.println("ERROR --published applies to exactly one file, not " + files.size());
			out.println(USAGE);
			return 2;
		}
		files.sort(Comparator.comparing((Path file) -> file.getFileName().toString(), SheetFileName.ORDER)
			.thenComparing(Path::toString));
		int held = 0;
		// the next file is read and cleaned while this one is applied: reading a workbook
		// needs no database, and a second core
		ExecutorService reading = Executors
			.newSingleThreadExecutor(Thread.ofPlatform().name("sheet-reader").daemon().factory());
		try {
			Future<SheetImporter.Prepared> next = prepare(reading, files, 0, date);
			if (!files.isEmpty()) {
				this.sheets.warmUp();
			}
			for (int i = 0; i < files.size(); i++) {
				Path file = files.get(i);
				try {
					Instant started = this.followUps.now();
					Future<SheetImporter.Prepared> current = next;
					// queued before this one is awaited: a file that fails to read
					// does not stop the ones after it
					next = prepare(reading, files, i + 1, date);
					ImportResult result = prepared(current).apply();
					out.println(result.summary());
					failed |= result.status() == ImportResult.Status.REJECTED;
					held += (result.status() == ImportResult.Status.HELD) ? 1 : 0;
					int unfinished = this.followUps.await(started, FOLLOW_UPS_AT_MOST);
					if (unfinished > 0) {
						out.println("WARNING " + unfinished + " follow-up(s) of " + file.getFileName()
								+ " did not complete; a running server retries them");
					}
				}
				catch (RuntimeException ex) {
					out.println("ERROR " + file + ": " + ex.getMessage());
					failed = true;
				}
			}
		}
		finally {
			reading.shutdownNow();
		}
		out.println("imported " + files.size() + " file(s)" + (failed ? " with errors" : "")
				+ ((held > 0) ? ", " + held + " held for staff review at /admin/import" : ""));
		if (failed) {
			return 1;
		}
		return (held > 0) ? HELD : 0;
	}

	private Future<SheetImporter.Prepared> prepare(ExecutorService reading, List<Path> files, int index,
			@Nullable PublishedAt date) {
		if (index >= files.size()) {
			return CompletableFuture.completedFuture(() -> {
				throw new IllegalStateException("no file after the last");
			});
		}
		Path file = files.get(index);
		return reading
			.submit(() -> this.sheets.prepare(file, file.getFileName().toString(), SheetSource.COMMAND, date));
	}

	/** The prepared sheet, or what went wrong reading it, as if it had been read here. */
	private static SheetImporter.Prepared prepared(Future<SheetImporter.Prepared> next) {
		try {
			return next.get();
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			throw new IllegalStateException(ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while reading a sheet", ex);
		}
	}

	private static boolean collect(Path path, List<Path> files, PrintStream out) {
		if (Files.isDirectory(path)) {
			try (Stream<Path> entries = Files.list(path)) {
				entries.filter((p) -> p.getFileName().toString().toLowerCase().endsWith(".xlsx"))
					.filter(Files::isRegularFile)
					.forEach(files::add);
				return true;
			}
			catch (IOException ex) {
				out.println("ERROR cannot list " + path + ": " + ex.getMessage());
				return false;
			}
		}
		if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
			out.println("ERROR cannot read " + path);
			return false;
		}
		files.add(path);
		return true;
	}

}
