package org.end287g;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The site's public address, as links start with it. */
class SiteAddressTests {

	@Test
	void dropsATrailingSlash() {
		assertThat(new SiteAddress("https://end287g.test/").baseUrl()).isEqualTo("https://end287g.test");
		assertThat(new SiteAddress("https://end287g.test").baseUrl()).isEqualTo("https://end287g.test");
	}

	@Test
	void buildsAbsoluteLinks() {
		assertThat(new SiteAddress("https://end287g.test/").link("/campaigns/wake-county"))
			.isEqualTo("https://end287g.test/campaigns/wake-county");
	}

	@Test
	void isBoundFromTheBaseUrlSettingWithTheLocalAddressAsDefault() {
		assertThat(bind(Map.of()).baseUrl()).isEqualTo("http://localhost:8080");
		assertThat(bind(Map.of("end287g.site.base-url", "https://end287g.test/")).link("/sign-in"))
			.isEqualTo("https://end287g.test/sign-in");
	}

	@Test
	void namesTheHostAndOriginPasskeysAreBoundTo() {
		assertThat(new SiteAddress("https://end287g.test/").host()).isEqualTo("end287g.test");
		assertThat(new SiteAddress("https://end287g.test/").origin()).isEqualTo("https://end287g.test");
		assertThat(new SiteAddress("http://localhost:8151").origin()).isEqualTo("http://localhost:8151");
		assertThat(new SiteAddress("https://end287g.test:8443/tracker/").origin())
			.isEqualTo("https://end287g.test:8443");
	}

	@Test
	void refusesAnAddressThatIsNotAbsolute() {
		assertThatIllegalArgumentException().isThrownBy(() -> new SiteAddress("end287g.test"))
			.withMessageContaining("end287g.site.base-url");
		assertThatIllegalArgumentException().isThrownBy(() -> new SiteAddress("http://"));
	}

	private static SiteAddress bind(Map<String, String> settings) {
		return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("end287g.site", SiteAddress.class);
	}

}
