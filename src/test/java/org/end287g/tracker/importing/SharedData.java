package org.end287g.tracker.importing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** ICE's real sheets beside the repository (system property end287g.shared-data). */
public final class SharedData {

	private static final Pattern NAME = Pattern
		.compile("(participating|pending)Agencies(\\d{2})(\\d{2})(\\d{4})(am|pm)\\.xlsx");

	private SharedData() {
	}

	public static Path folder() {
		String folder = System.getProperty("end287g.shared-data", "../shared/data/ice-287g");
		Path path = Paths.get(folder);
		assumeTrue(Files.isDirectory(path),
				"ICE's sheets not found at " + path + ": skipping (set end287g.shared-data)");
		return path;
	}

	public static Path file(String name) {
		Path path = folder().resolve(name);
		assumeTrue(Files.isRegularFile(path), "missing shared sheet " + path);
		return path;
	}

	static List<Path> all() throws IOException {
		try (Stream<Path> files = Files.list(folder())) {
			return files.filter((p) -> p.toString().endsWith(".xlsx")).sorted().toList();
		}
	}

	/**
	 * ICE's sheets in the order they were published: by date, am before pm, pending
	 * before participating on the same half day.
	 */
	public static List<Path> inPublicationOrder() throws IOException {
		try (Stream<Path> files = Files.list(folder())) {
			return files.filter((file) -> NAME.matcher(file.getFileName().toString()).matches())
				.sorted(Comparator.comparing(SharedData::publication))
				.toList();
		}
	}

	private static String publication(Path file) {
		Matcher name = NAME.matcher(file.getFileName().toString());
		name.matches();
		return name.group(4) + name.group(2) + name.group(3) + name.group(5)
				+ ("pending".equals(name.group(1)) ? "0" : "1");
	}

}
