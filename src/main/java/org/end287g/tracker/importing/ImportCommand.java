package org.end287g.tracker.importing;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.end287g.tracker.IceSheets;
import org.end287g.tracker.ImportResult;
import org.end287g.tracker.SheetSource;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar end287g.jar import PATH...}: imports files, or every .xlsx in a
 * folder, in publication order, one summary line per sheet. After each sheet it waits for
 * what other modules do after an import (campaigns), as a server would have done between
 * two publications. Exit code 0 when every sheet was accepted or already imported, 1
 * otherwise, 2 on a usage error.
 */
@Component
@ConditionalOnProperty(name = "end287g.cli", havingValue = "import")
class ImportCommand implements ApplicationRunner, ExitCodeGenerator {

	private static final Duration FOLLOW_UPS_AT_MOST = Duration.ofMinutes(2);

	private final IceSheets sheets;

	private final ImportFollowUps followUps;

	private int exitCode;

	ImportCommand(IceSheets sheets, ImportFollowUps followUps) {
		this.sheets = sheets;
		this.followUps = followUps;
	}

	@Override
	public void run(ApplicationArguments args) {
		List<String> paths = new ArrayList<>(args.getNonOptionArgs());
		if (!paths.isEmpty() && "import".equals(paths.get(0))) {
			paths.remove(0);
		}
		this.exitCode = run(paths, System.out);
	}

	@Override
	public int getExitCode() {
		return this.exitCode;
	}

	int run(List<String> paths, PrintStream out) {
		if (paths.isEmpty()) {
			out.println("usage: import PATH... (ICE .xlsx files or folders holding them)");
			return 2;
		}
		List<Path> files = new ArrayList<>();
		boolean failed = false;
		for (String path : paths) {
			failed |= !collect(Paths.get(path), files, out);
		}
		files.sort(Comparator.comparing(ImportCommand::publication).thenComparing(Path::toString));
		for (Path file : files) {
			try {
				Instant started = this.followUps.now();
				ImportResult result = this.sheets.importSheet(file, file.getFileName().toString(), SheetSource.COMMAND);
				out.println(result.summary());
				failed |= result.status() == ImportResult.Status.REJECTED;
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
		out.println("imported " + files.size() + " file(s)" + (failed ? " with errors" : ""));
		return failed ? 1 : 0;
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

	private static LocalDateTime publication(Path file) {
		try {
			return SheetFileName.parse(file.getFileName().toString()).publishedAt();
		}
		catch (SheetRejected ex) {
			return LocalDateTime.MAX;
		}
	}

}
