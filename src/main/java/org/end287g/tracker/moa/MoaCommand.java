package org.end287g.tracker.moa;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar end287g.jar moa PATH... [--agency SLUG --model JEM|TFM|WSO]
 * [--addendum]}: attaches PDFs (files, or every .pdf in a folder) to agreements. Without
 * {@code --agency}, a file goes to every agreement whose ICE link ends in its name; a
 * {@code STATE__} prefix (as in the shared copies of ICE's files) is ignored. Exit code 0
 * when every file was attached, 1 otherwise, 2 on a usage error.
 */
@Component
@ConditionalOnProperty(name = "end287g.cli", havingValue = "moa")
class MoaCommand implements ApplicationRunner, ExitCodeGenerator {

	private static final Set<String> MODELS = Set.of("JEM", "TFM", "WSO");

	private final MoaLibrary library;

	private final MoaProperties properties;

	private int exitCode;

	MoaCommand(MoaLibrary library, MoaProperties properties) {
		this.library = library;
		this.properties = properties;
	}

	@Override
	public void run(ApplicationArguments args) {
		List<String> words = new ArrayList<>(Arrays.asList(args.getSourceArgs()));
		if (!words.isEmpty() && "moa".equals(words.get(0))) {
			words.remove(0);
		}
		this.exitCode = run(words, System.out);
	}

	@Override
	public int getExitCode() {
		return this.exitCode;
	}

	int run(List<String> words, PrintStream out) {
		Usage usage = Usage.parse(words);
		if (usage == null) {
			out.println("usage: moa PATH... [--agency SLUG --model JEM|TFM|WSO] [--addendum]");
			return 2;
		}
		boolean failed = false;
		int attached = 0;
		for (Path file : files(usage.paths(), out)) {
			try (InputStream in = Files.newInputStream(file)) {
				byte[] pdf = MoaDownloader.bounded(in, this.properties.maxBytes());
				String name = file.getFileName().toString();
				List<Long> ids = (usage.agency() != null) ? List.of(this.library.attachTo(usage.agency(),
						String.valueOf(usage.model()), usage.kind(), name, pdf, "COMMAND"))
						: this.library.attachByFileName(iceName(name), pdf, "COMMAND");
				out.println((ids.isEmpty() ? "UNMATCHED " : "ATTACHED ") + file
						+ (ids.isEmpty() ? ": no agreement links to " + iceName(name) : " as document(s) " + ids));
				failed |= ids.isEmpty();
				attached += ids.isEmpty() ? 0 : 1;
			}
			catch (MoaRejected ex) {
				out.println("REJECTED " + file + ": " + ex.getMessage());
				failed = true;
			}
			catch (IOException ex) {
				out.println("ERROR cannot read " + file + ": " + ex.getMessage());
				failed = true;
			}
		}
		failed |= usage.paths().stream().anyMatch((path) -> !Files.isReadable(path));
		out.println("attached " + attached + " file(s)" + (failed ? " with errors" : ""));
		return failed ? 1 : 0;
	}

	/** ICE's file name of a shared copy named STATE__name.pdf. */
	static String iceName(String fileName) {
		int prefix = fileName.indexOf("__");
		return (prefix > 0 && fileName.substring(0, prefix).matches("[A-Z_]+")) ? fileName.substring(prefix + 2)
				: fileName;
	}

	private static List<Path> files(List<Path> paths, PrintStream out) {
		List<Path> files = new ArrayList<>();
		for (Path path : paths) {
			if (Files.isDirectory(path)) {
				try (Stream<Path> entries = Files.list(path)) {
					entries
						.filter((p) -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".pdf"))
						.filter(Files::isRegularFile)
						.sorted()
						.forEach(files::add);
				}
				catch (IOException ex) {
					out.println("ERROR cannot list " + path + ": " + ex.getMessage());
				}
			}
			else if (Files.isRegularFile(path) && Files.isReadable(path)) {
				files.add(path);
			}
			else {
				out.println("ERROR cannot read " + path);
			}
		}
		return files;
	}

	/** The command's words: paths, and the agreement they all go to when given. */
	record Usage(List<Path> paths, @Nullable String agency, @Nullable String model, String kind) {

		static @Nullable Usage parse(List<String> words) {
			List<Path> paths = new ArrayList<>();
			String agency = null;
			String model = null;
			String kind = "MOA";
			for (int i = 0; i < words.size(); i++) {
				String word = words.get(i);
				int equals = word.indexOf('=');
				String name = (word.startsWith("--") && equals > 0) ? word.substring(0, equals) : word;
				boolean option = "--agency".equals(name) || "--model".equals(name);
				if (option && (equals > 0 || i + 1 < words.size())) {
					String value = (equals > 0) ? word.substring(equals + 1) : words.get(++i);
					if (value.isBlank()) {
						return null;
					}
					agency = "--agency".equals(name) ? value : agency;
					model = "--model".equals(name) ? value.toUpperCase(java.util.Locale.ROOT) : model;
				}
				else if ("--addendum".equals(word)) {
					kind = "ADDENDUM";
				}
				else if (word.startsWith("--") && equals > 0) {
					// a setting of the application's (--spring.datasource.url=...), which
					// Spring Boot has taken already, as the import command allows
					continue;
				}
				else if (word.startsWith("--")) {
					return null;
				}
				else {
					paths.add(Paths.get(word));
				}
			}
			boolean explicit = agency != null || model != null;
			if (paths.isEmpty() || (explicit && (agency == null || model == null || !MODELS.contains(model)))) {
				return null;
			}
			return new Usage(paths, agency, model, kind);
		}

	}

}
