package org.end287g;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * axe-core, from the npm registry, checks the page a browser test has open against WCAG
 * 2.2 A and AA. {@code .ci/run} installs it under {@code .ci/node_modules}; outside CI a
 * missing axe skips the check with a message, under CI=true it fails.
 */
public final class Axe {

	static final Path SCRIPT = Path.of(".ci/node_modules/axe-core/axe.min.js");

	/** The rules of WCAG 2.0, 2.1 and 2.2 at levels A and AA. */
	private static final String RUN = """
			const done = arguments[arguments.length - 1];
			axe.run(document, { runOnly: { type: 'tag',
					values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'] } })
				.then(result => done(result.violations.map(v => v.id + ': ' + v.help + ' at '
					+ v.nodes.map(n => n.target.join(' ')).join(', '))))
				.catch(error => done(['axe failed: ' + error]));
			""";

	private final String source;

	private Axe(String source) {
		this.source = source;
	}

	/** axe, or the test skipped (outside CI) when it is not installed. */
	public static Axe installed() throws IOException {
		if (!"true".equals(System.getenv("CI"))) {
			assumeTrue(Files.isReadable(SCRIPT),
					"Accessibility check skipped: " + SCRIPT + " is missing (npm install --prefix .ci axe-core)");
		}
		return new Axe(Files.readString(SCRIPT, StandardCharsets.UTF_8));
	}

	/** The violations on the page the browser has open, one line each. */
	@SuppressWarnings("unchecked")
	public List<String> violations(WebDriver browser) {
		JavascriptExecutor script = (JavascriptExecutor) browser;
		script.executeScript(this.source);
		return (List<String>) script.executeAsyncScript(RUN);
	}

	/** Fails when axe finds a WCAG 2.2 A or AA violation on the open page. */
	public void assertNoViolations(WebDriver browser) {
		assertThat(violations(browser)).as("axe on %s", browser.getCurrentUrl()).isEmpty();
	}

}
