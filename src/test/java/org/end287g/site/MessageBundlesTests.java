package org.end287g.site;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * English and Spanish must stay complete, and no template may carry text that does not
 * come from the bundles.
 */
class MessageBundlesTests {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	/**
	 * Words that are the same in both languages on purpose: the brand and language names.
	 */
	private static final Set<String> UNTRANSLATED = Set.of("end287g", "English", "Español", "287(g)", "JEM", "TFM",
			"WSO", "ICE", "CSV", "JSON", "Atom");

	private static final Pattern TEXT_BETWEEN_TAGS = Pattern.compile("(<[^<>]*>)([^<>]*\\p{L}[^<>]*)<", Pattern.DOTALL);

	private static final Pattern MAIL_EXPRESSION = Pattern
		.compile("\\[\\((.*?)\\)\\]|\\[\\[(.*?)\\]\\]|\\[#[^\\]]*\\]|\\[/\\]");

	private static final Pattern LITERAL_ATTRIBUTE = Pattern
		.compile("\\s(alt|title|aria-label|placeholder|label)=\"([^\"]*\\p{L}[^\"]*)\"");

	@Test
	void englishAndSpanishHaveTheSameKeys() throws IOException {
		Set<String> english = keys("/messages.properties");
		Set<String> spanish = keys("/messages_es.properties");
		assertThat(english).isNotEmpty();
		assertThat(difference(english, spanish)).as("keys missing in Spanish").isEmpty();
		assertThat(difference(spanish, english)).as("keys missing in English").isEmpty();
	}

	@Test
	void noMessageIsEmpty() throws IOException {
		for (String bundle : List.of("/messages.properties", "/messages_es.properties")) {
			Properties properties = load(bundle);
			assertThat(properties.stringPropertyNames()).as(bundle)
				.allSatisfy((key) -> assertThat(properties.getProperty(key)).as(key).isNotBlank());
		}
	}

	@Test
	void templatesDoNotHardCodeText() throws IOException {
		List<String> problems = new ArrayList<>();
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".html")).toList()) {
				problems.addAll(hardCodedText(file, Files.readString(file)));
			}
		}
		assertThat(problems).isEmpty();
	}

	/**
	 * Mail templates (Thymeleaf TEXT mode) hold only expressions: {@code [(#{...})]},
	 * {@code [(${...})]} and blocks such as {@code [# th:if="..."]...[/]}.
	 */
	@Test
	void mailTemplatesDoNotHardCodeText() throws IOException {
		List<String> problems = new ArrayList<>();
		for (Path folder : List.of(TEMPLATES.resolve("mail"), Path.of("src/test/resources/templates/mail"))) {
			if (!Files.isDirectory(folder)) {
				continue;
			}
			try (Stream<Path> files = Files.list(folder)) {
				for (Path file : files.filter((f) -> f.toString().endsWith(".txt")).toList()) {
					problems.addAll(hardCodedMailText(file, Files.readString(file)));
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	static List<String> hardCodedMailText(Path file, String text) {
		String literal = MAIL_EXPRESSION.matcher(text).replaceAll("");
		List<String> problems = new ArrayList<>();
		for (String line : literal.split("\\R")) {
			if (line.codePoints().anyMatch(Character::isLetter)) {
				problems.add(file.getFileName() + ": text \"" + line.strip() + "\"");
			}
		}
		return problems;
	}

	@Test
	void theCheckFindsHardCodedMailText() {
		assertThat(hardCodedMailText(Path.of("t.txt"), "[(#{a.b})]\nDear [(${name})],\n[# th:if=\"${x}\"]-- [/]"))
			.containsExactly("t.txt: text \"Dear ,\"");
		assertThat(hardCodedMailText(Path.of("t.txt"), "[(#{a.b(${name})})]\n\n-- \n[[${link}]]")).isEmpty();
	}

	static List<String> hardCodedText(Path file, String html) {
		String withoutScripts = html.replaceAll("(?s)<!--.*?-->", "")
			.replaceAll("(?s)<(script|style)[^>]*>.*?</\\1>", "");
		List<String> problems = new ArrayList<>();
		Matcher text = TEXT_BETWEEN_TAGS.matcher(withoutScripts);
		while (text.find()) {
			String tag = text.group(1);
			String words = text.group(2).strip();
			boolean replaced = tag.contains("th:text") || tag.contains("th:utext") || tag.contains("th:replace")
					|| tag.contains("th:insert") || tag.startsWith("<!");
			if (!replaced && !UNTRANSLATED.contains(words)) {
				problems.add(file.getFileName() + ": text \"" + words + "\" after " + tag);
			}
		}
		Matcher attribute = LITERAL_ATTRIBUTE.matcher(withoutScripts);
		while (attribute.find()) {
			if (!UNTRANSLATED.contains(attribute.group(2))) {
				problems
					.add(file.getFileName() + ": attribute " + attribute.group(1) + "=\"" + attribute.group(2) + "\"");
			}
		}
		return problems;
	}

	@Test
	void theCheckFindsHardCodedText() {
		assertThat(hardCodedText(Path.of("t.html"), "<p>Hello</p><p th:text=\"#{x}\">Hi</p>")).hasSize(1);
		assertThat(hardCodedText(Path.of("t.html"), "<img alt=\"A map\" src=\"x\">")).hasSize(1);
		assertThat(hardCodedText(Path.of("t.html"), "<img th:alt=\"#{map}\" src=\"x\">")).isEmpty();
	}

	private static Set<String> difference(Set<String> a, Set<String> b) {
		Set<String> result = new TreeSet<>(a);
		result.removeAll(b);
		return result;
	}

	private static Set<String> keys(String resource) throws IOException {
		return new TreeSet<>(load(resource).stringPropertyNames());
	}

	private static Properties load(String resource) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = MessageBundlesTests.class.getResourceAsStream(resource)) {
			assertThat(in).as(resource).isNotNull();
			properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
