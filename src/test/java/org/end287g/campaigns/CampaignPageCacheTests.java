package org.end287g.campaigns;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import jakarta.servlet.http.Cookie;
import org.end287g.accounts.SignedIn;
import org.end287g.privacy.BlindIndex;
import org.end287g.privacy.PersonalDataCipher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A campaign's page as the page cache keeps it: rendered once, then served to every
 * anonymous visitor with their own CSRF token in its form, plain or gzipped, and never
 * older than the cache's maximum age.
 */
@SpringBootTest(properties = "end287g.page-cache.max-age=1h")
@AutoConfigureMockMvc
class CampaignPageCacheTests {

	private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Campaigns campaigns;

	@Autowired
	PersonalDataCipher cipher;

	@Autowired
	BlindIndex index;

	SignatureFixture fixture;

	@BeforeEach
	void load() {
		TestCampaigns.clear(this.jdbc);
		this.fixture = new SignatureFixture(this.mvc, this.jdbc, this.cipher, this.index).reset(this.campaigns);
	}

	@Test
	void everyVisitorOfAKeptPageSignsWithTheirOwnToken() throws Exception {
		MockHttpServletResponse first = visit(get(SignatureFixture.GASTON));
		// The page is kept: a change behind the cache's back does not show.
		this.jdbc.sql("update campaigns set goal = 321 where slug = 'nc-gaston-county-sheriffs-office'").update();
		MockHttpServletResponse second = visit(get(SignatureFixture.GASTON));
		assertThat(second.getContentAsString(StandardCharsets.UTF_8)).doesNotContain("321");
		String firstToken = token(first.getContentAsString(StandardCharsets.UTF_8));
		String secondToken = token(second.getContentAsString(StandardCharsets.UTF_8));
		assertThat(secondToken).isNotEqualTo(firstToken);
		assertThat(second.getContentAsString(StandardCharsets.UTF_8).replace(secondToken, "TOKEN"))
			.isEqualTo(first.getContentAsString(StandardCharsets.UTF_8).replace(firstToken, "TOKEN"));
		// The second visitor's cookie and token, from the kept page, are accepted.
		Cookie cookie = second.getCookie("XSRF-TOKEN");
		assertThat(cookie).isNotNull();
		MockHttpServletRequestBuilder signing = post(SignatureFixture.GASTON + "/sign").cookie(cookie)
			.param("_csrf", secondToken)
			.with(SignedIn.from(SignedIn.newAddress()));
		SignatureFixture.form(SignatureFixture.newEmail()).forEach(signing::param);
		assertThat(this.mvc.perform(signing).andReturn().getResponse().getStatus()).isEqualTo(303);
		// Another visitor's token does not go with this cookie.
		MockHttpServletRequestBuilder forged = post(SignatureFixture.GASTON + "/sign").cookie(cookie)
			.param("_csrf", firstToken)
			.with(SignedIn.from(SignedIn.newAddress()));
		SignatureFixture.form(SignatureFixture.newEmail()).forEach(forged::param);
		assertThat(this.mvc.perform(forged).andReturn().getResponse().getStatus()).isEqualTo(403);
	}

	@Test
	void aKeptPageGzippedIsThePlainPageWithTheVisitorsToken() throws Exception {
		visit(get(SignatureFixture.GASTON));
		MockHttpServletResponse zipped = visit(get(SignatureFixture.GASTON).header("Accept-Encoding", "gzip"));
		assertThat(zipped.getHeader("Content-Encoding")).isEqualTo("gzip");
		byte[] body = zipped.getContentAsByteArray();
		assertThat(zipped.getContentLength()).isEqualTo(body.length);
		String html;
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
			html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		assertThat(html).contains("Gaston County").endsWith("</html>\n");
		String token = token(html);
		MockHttpServletResponse plain = visit(get(SignatureFixture.GASTON));
		String plainHtml = plain.getContentAsString(StandardCharsets.UTF_8);
		assertThat(html.replace(token, "TOKEN")).isEqualTo(plainHtml.replace(token(plainHtml), "TOKEN"));
	}

	@Test
	void aSignedInPersonNeverGetsTheKeptPage() throws Exception {
		visit(get(SignatureFixture.GASTON));
		this.jdbc.sql("update campaigns set goal = 321 where slug = 'nc-gaston-county-sheriffs-office'").update();
		assertThat(visit(get(SignatureFixture.GASTON).with(user("ana"))).getContentAsString(StandardCharsets.UTF_8))
			.contains("321");
	}

	private MockHttpServletResponse visit(MockHttpServletRequestBuilder request) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(request).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return response;
	}

	private static String token(String html) {
		Matcher token = TOKEN.matcher(html);
		assertThat(token.find()).as("a CSRF field on the page").isTrue();
		return token.group(1);
	}

}
