package org.end287g.tracker.importing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** ICE's real sheets beside the repository (system property end287g.shared-data). */
final class SharedData {

	private SharedData() {
	}

	static Path folder() {
		String folder = System.getProperty("end287g.shared-data", "../shared/data/ice-287g");
		Path path = Paths.get(folder);
		assumeTrue(Files.isDirectory(path),
				"ICE's sheets not found at " + path + ": skipping (set end287g.shared-data)");
		return path;
	}

	static Path file(String name) {
		Path path = folder().resolve(name);
		assumeTrue(Files.isRegularFile(path), "missing shared sheet " + path);
		return path;
	}

	static List<Path> all() throws IOException {
		try (Stream<Path> files = Files.list(folder())) {
			return files.filter((p) -> p.toString().endsWith(".xlsx")).sorted().toList();
		}
	}

}
