package org.end287g.site;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

import org.end287g.tracker.TrackerFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

@SpringBootTest(properties = "end287g.page-cache.max-age=1h")
@AutoConfigureMockMvc
class RenderedPageCacheTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	TrackerFixture fixture;

	@BeforeEach
	void load() {
		this.fixture = new TrackerFixture(this.jdbc);
		this.fixture.load("COMMAND");
	}

	@Test
	void servesTheSamePageUntilTheDataChanges() throws Exception {
		String first = home("en").getContentAsString(StandardCharsets.UTF_8);
		MockHttpServletResponse cached = home("en");
		assertThat(cached.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(first);
		assertThat(cached.getHeader("Content-Security-Policy")).contains("frame-ancestors 'none'");
		assertThat(cached.getHeader("Vary")).contains("Accept-Language");
		this.fixture.sheet("PARTICIPATING", "2025-07-04T00:00", 9, true, "COMMAND");
		assertThat(home("en").getContentAsString(StandardCharsets.UTF_8)).contains("4 July 2025").isNotEqualTo(first);
	}

	@Test
	void keepsOnePagePerLanguage() throws Exception {
		home("en");
		home("es");
		assertThat(home("es").getContentAsString(StandardCharsets.UTF_8)).contains("lang=\"es\"");
		assertThat(home("en").getContentAsString(StandardCharsets.UTF_8)).contains("lang=\"en\"");
	}

	@Test
	void sendsGzipWhenAccepted() throws Exception {
		home("en");
		MockHttpServletResponse zipped = this.mvc.perform(get("/").header("Accept-Encoding", "gzip, br"))
			.andReturn()
			.getResponse();
		assertThat(zipped.getHeader("Content-Encoding")).isEqualTo("gzip");
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped.getContentAsByteArray()))) {
			assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains("287(g)");
		}
	}

	@Test
	void cachesOpenDataWithItsHeadersAndSeesImportsAtOnce() throws Exception {
		MockHttpServletResponse first = this.mvc.perform(get("/api/v1/agreements.csv?state=NC"))
			.andReturn()
			.getResponse();
		MockHttpServletResponse second = this.mvc.perform(get("/api/v1/agreements.csv?state=NC"))
			.andReturn()
			.getResponse();
		assertThat(second.getContentAsString()).isEqualTo(first.getContentAsString());
		assertThat(second.getHeader("Content-Disposition")).contains("287g-agreements.csv");
		assertThat(second.getContentType()).startsWith("text/csv");
		long agency = this.fixture.agency("wake-county-sheriffs-office-nc", "NC", "Wake County Sheriff's Office",
				"COUNTY", "37183", null);
		this.fixture.agreement(agency, "TFM", "ACTIVE", null, null);
		assertThat(
				this.mvc.perform(get("/api/v1/agreements.csv?state=NC")).andReturn().getResponse().getContentAsString())
			.contains("Wake County Sheriff's Office");
	}

	@Test
	void errorsAreNeverCached() throws Exception {
		this.mvc.perform(get("/near?zip=00000")).andReturn();
		assertThat(this.mvc.perform(get("/near?zip=00000").header("Accept-Language", "es"))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8)).contains("No conocemos");
		assertThat(this.mvc.perform(get("/near?zip=00000")).andReturn().getResponse().getStatus()).isEqualTo(404);
	}

	private MockHttpServletResponse home(String language) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(get("/").header("Accept-Language", language))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return response;
	}

}
