package org.end287g;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.scheduling.annotation.Scheduled;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every end287g setting has its default once, in the {@code @ConfigurationProperties}
 * record that reads it. Checked here through the metadata the configuration processor
 * writes from those records, against the two other places that name settings:
 * application.properties and the {@code @Scheduled} placeholders.
 */
class ConfigurationMetadataTests {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(end287g\\.[^:}]+)(?::([^}]*))?}");

	private final Map<String, Map<String, Object>> declared = declared();

	@Test
	void applicationPropertiesSetsOnlyDeclaredSettings() {
		assertThat(ourSettings().keySet()).isNotEmpty()
			.allSatisfy((key) -> assertThat(isDeclared(key)).as(key).isTrue());
	}

	@Test
	void applicationPropertiesRepeatsNoDefault() {
		ourSettings().forEach((key, value) -> {
			Map<String, Object> property = this.declared.get(key);
			if (property != null && property.containsKey("defaultValue")) {
				assertThat(value).as("%s repeats its record's default", key)
					.isNotEqualTo(String.valueOf(property.get("defaultValue")));
			}
		});
	}

	@Test
	void scheduledPlaceholdersNameDeclaredSettingsWithTheirDefaults() {
		List<String> checked = new ArrayList<>();
		for (JavaClass type : new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
			.importPackages("org.end287g")) {
			for (JavaMethod method : type.getMethods()) {
				if (method.isAnnotatedWith(Scheduled.class)) {
					Scheduled scheduled = method.getAnnotationOfType(Scheduled.class);
					for (String attribute : List.of(scheduled.cron(), scheduled.fixedDelayString(),
							scheduled.fixedRateString(), scheduled.initialDelayString())) {
						checked.addAll(check(method.getFullName(), attribute));
					}
				}
			}
		}
		assertThat(checked).contains("end287g.mail.poll-interval", "end287g.privacy.retention-cron",
				"end287g.events.reminder-interval");
	}

	/**
	 * Where code and application.properties disagreed, the value then in effect stays.
	 */
	@Test
	void defaultsAreTheValuesInEffectBefore() {
		assertThat(this.declared.get("end287g.campaigns.signatures-per-address")).containsEntry("defaultValue", 60);
		assertThat(this.declared.get("end287g.first-start.enabled")).containsEntry("defaultValue", true);
		assertThat(this.declared.get("end287g.crypto.keys-dir")).containsEntry("defaultValue", "./data/keys");
	}

	private List<String> check(String method, String attribute) {
		List<String> keys = new ArrayList<>();
		Matcher placeholder = PLACEHOLDER.matcher(attribute);
		while (placeholder.find()) {
			String key = placeholder.group(1);
			assertThat(this.declared).as("%s reads %s", method, key).containsKey(key);
			assertThat(placeholder.group(2)).as("%s's default for %s", method, key)
				.isEqualTo(String.valueOf(this.declared.get(key).get("defaultValue")));
			keys.add(key);
		}
		return keys;
	}

	private boolean isDeclared(String key) {
		return this.declared.containsKey(key) || this.declared.values()
			.stream()
			.anyMatch((property) -> String.valueOf(property.get("type")).startsWith("java.util.Map<")
					&& key.startsWith(property.get("name") + "."));
	}

	private static Map<String, String> ourSettings() {
		try {
			Properties properties = PropertiesLoaderUtils
				.loadProperties(new ClassPathResource("application.properties"));
			Map<String, String> ours = new TreeMap<>();
			properties.stringPropertyNames()
				.stream()
				.filter((key) -> key.startsWith("end287g."))
				.forEach((key) -> ours.put(key, properties.getProperty(key)));
			return ours;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The end287g properties of every metadata file on the class path, by name. */
	private static Map<String, Map<String, Object>> declared() {
		Map<String, Map<String, Object>> declared = new HashMap<>();
		try {
			for (Resource resource : new PathMatchingResourcePatternResolver()
				.getResources("classpath*:META-INF/spring-configuration-metadata.json")) {
				try (InputStream in = resource.getInputStream()) {
					List<Map<String, Object>> properties = JsonPath.parse(in).read("$.properties[*]");
					properties.stream()
						.filter((property) -> String.valueOf(property.get("name")).startsWith("end287g."))
						.forEach((property) -> declared.put((String) property.get("name"), property));
				}
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		assertThat(declared).as("metadata written by spring-boot-configuration-processor").isNotEmpty();
		return declared;
	}

}
