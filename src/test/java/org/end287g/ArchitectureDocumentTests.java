package org.end287g;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ARCHITECTURE.md stays true: its module table names every module and no other, with the
 * modules each one really uses, and it stays one page; the documents it links to exist.
 */
class ArchitectureDocumentTests {

	/** A printed page: the table's rows wrap, so fewer lines than a page holds. */
	private static final int MAX_LINES = 80;

	private static final Pattern ROW = Pattern.compile("^\\| `([a-z]+)` \\|[^|]*\\| ([^|]*) \\|$");

	private static final Pattern LINK = Pattern.compile("\\]\\(([^)#]+)\\)");

	private final ApplicationModules modules = ApplicationModules.of(End287gApplication.class);

	@Test
	void theModuleTableNamesEveryModuleWithWhatItUses() throws IOException {
		assertThat(documented()).isEqualTo(actual());
	}

	@Test
	void isOnePageAndItsLinksLeadSomewhere() throws IOException {
		List<String> lines = Files.readAllLines(Path.of("ARCHITECTURE.md"), StandardCharsets.UTF_8);
		assertThat(lines).hasSizeLessThanOrEqualTo(MAX_LINES);
		Matcher links = LINK.matcher(String.join("\n", lines));
		while (links.find()) {
			assertThat(Path.of(links.group(1))).as("linked from ARCHITECTURE.md").exists();
		}
	}

	private Map<String, TreeSet<String>> documented() throws IOException {
		Map<String, TreeSet<String>> table = new TreeMap<>();
		for (String line : Files.readAllLines(Path.of("ARCHITECTURE.md"), StandardCharsets.UTF_8)) {
			Matcher row = ROW.matcher(line);
			if (row.matches()) {
				table.put(row.group(1),
						Arrays.stream(row.group(2).split(","))
							.map((name) -> name.strip().replace("`", ""))
							.filter((name) -> !name.isEmpty() && !name.equals("nothing"))
							.collect(Collectors.toCollection(TreeSet::new)));
			}
		}
		return table;
	}

	private Map<String, TreeSet<String>> actual() {
		Map<String, TreeSet<String>> uses = new TreeMap<>();
		for (ApplicationModule module : this.modules) {
			uses.put(module.getIdentifier().toString(),
					module.getDirectDependencies(this.modules)
						.uniqueModules()
						.map((used) -> used.getIdentifier().toString())
						.collect(Collectors.toCollection(TreeSet::new)));
		}
		return uses;
	}

}
