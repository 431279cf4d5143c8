package org.end287g.toolkit;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.end287g.accounts.AccountDirectory;
import org.end287g.accounts.QueuedMail;
import org.end287g.accounts.SignedIn;
import org.end287g.campaigns.Campaigns;
import org.end287g.campaigns.TestCampaigns;
import org.end287g.privacy.BlindIndex;
import org.end287g.privacy.PersonalDataCipher;
import org.end287g.site.AccessibleHtml;
import org.end287g.tracker.TrackerFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Referral codes from a share link to the signature (a hidden field, no cookie), the
 * leader's count per channel, and the share messages leaders edit.
 */
@SpringBootTest
@AutoConfigureMockMvc
class LeaderSharingTests {

	static final String GASTON = MaterialsTests.GASTON;

	private static final Pattern CONFIRM = Pattern
		.compile("https?://[^\\s/]+(/campaigns/[a-z0-9-]+/confirm)\\?token=([A-Za-z0-9_.-]+)");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Campaigns campaigns;

	@Autowired
	AccountDirectory directory;

	@Autowired
	PersonalDataCipher cipher;

	@Autowired
	BlindIndex index;

	long gaston;

	@BeforeEach
	void campaignsOfTheFixture() {
		this.jdbc.sql("delete from signatures").update();
		this.jdbc.sql("delete from signature_counts").update();
		TestCampaigns.clear(this.jdbc);
		new TrackerFixture(this.jdbc).load("COMMAND");
		this.campaigns.createMissing();
		this.gaston = this.campaigns.find(GASTON).orElseThrow().id();
	}

	RequestPostProcessor leader() {
		String email = "leader-" + UUID.randomUUID() + "@example.org";
		String id = this.directory.appointLeader("test-admin", email, "Lea Leader", "en", this.gaston).orElseThrow();
		return user(id).roles("LEADER");
	}

	String html(MockHttpServletRequestBuilder request, int status) throws Exception {
		return this.mvc.perform(request).andExpect(status().is(status)).andReturn().getResponse().getContentAsString();
	}

	/**
	 * Signs through the public form as a visitor who came by {@code ref}, and confirms.
	 */
	void signAndConfirm(String ref) throws Exception {
		sign(ref, true);
	}

	/** Signs as a visitor who came by {@code ref}; confirms when asked. */
	void sign(String ref, boolean confirm) throws Exception {
		String email = "signer-" + UUID.randomUUID() + "@example.org";
		MockHttpServletRequestBuilder signing = post("/campaigns/" + GASTON + "/sign").with(csrf())
			.with(SignedIn.from(SignedIn.newAddress()))
			.param("firstName", "Ana")
			.param("lastName", "García")
			.param("email", email)
			.param("zip", "28052");
		if (ref != null) {
			signing.param("ref", ref);
		}
		this.mvc.perform(signing).andExpect(status().isSeeOther());
		if (!confirm) {
			return;
		}
		String body = new QueuedMail(this.jdbc, this.cipher, this.index).last(email, "signature-confirm").body();
		Matcher link = CONFIRM.matcher(body);
		assertThat(link.find()).isTrue();
		this.mvc
			.perform(post(link.group(1)).param("token", link.group(2))
				.with(csrf())
				.with(SignedIn.from(SignedIn.newAddress())))
			.andExpect(status().is3xxRedirection());
	}

	@Test
	void aShareLinksCodeTravelsThroughTheFormToTheSignatureAndTheLeadersCount() throws Exception {
		String page = html(get("/campaigns/" + GASTON).param("ref", "whatsapp"), 200);
		assertThat(page).contains("<input type=\"hidden\" name=\"ref\" value=\"whatsapp\">");
		assertThat(html(get("/campaigns/" + GASTON), 200)).doesNotContain("name=\"ref\"");
		signAndConfirm("whatsapp");
		signAndConfirm("whatsapp");
		signAndConfirm("email");
		// the QR code of a flyer, scanned
		signAndConfirm("flyer");
		signAndConfirm(null);
		signAndConfirm("<script>alert(1)</script>");
		signAndConfirm("X' OR 1=1 --");
		signAndConfirm("a".repeat(10_000));
		// not confirmed: stored with its code, not counted
		sign("x", false);
		assertThat(this.jdbc.sql("select referral from signatures where campaign_id = ? order by id")
			.param(this.gaston)
			.query(String.class)
			.list()).containsExactly("whatsapp", "whatsapp", "email", "flyer", null, null, null, null, "x");
		// cookies: none carries the code
		assertThat(this.mvc.perform(get("/campaigns/" + GASTON).param("ref", "whatsapp"))
			.andReturn()
			.getResponse()
			.getCookies()).noneMatch((cookie) -> cookie.getValue().contains("whatsapp"));
		String dashboard = html(get("/leader/campaigns/" + this.gaston + "/toolkit").with(leader()), 200);
		assertThat(dashboard.replaceAll("\\s+", " ")).contains("<th scope=\"row\">WhatsApp</th> <td>2</td>",
				"<th scope=\"row\">E-mail</th> <td>1</td>", "<th scope=\"row\">X</th> <td>0</td>",
				"<th scope=\"row\">QR code on the flyer</th> <td>1</td>",
				"<th scope=\"row\">QR code on the handout</th> <td>0</td>",
				"<th scope=\"row\">No share link (direct, paper, search)</th> <td>4</td>");
		assertThat(dashboard).contains("href=\"https://wa.me/?text=",
				SharePageTests.ShareLinksEncoding.encode(MaterialsTests.URL + "?ref=whatsapp"));
		assertThat(AccessibleHtml.problems(dashboard)).isEmpty();
	}

	@Test
	void aHostileReferralIsNeverEchoedLong() throws Exception {
		String page = html(get("/campaigns/" + GASTON).param("ref", "\"><script>alert(1)</script>"), 200);
		assertThat(page).doesNotContain("<script>alert(1)").doesNotContain("name=\"ref\"");
		String shortOne = html(get("/campaigns/" + GASTON).param("ref", "<b>x</b>"), 200);
		assertThat(shortOne).contains("name=\"ref\" value=\"&lt;b&gt;x&lt;/b&gt;\"");
	}

	@Test
	void leadersEditTheShareMessagesPerLanguageAndTheLinksUseThem() throws Exception {
		RequestPostProcessor leader = leader();
		String path = "/leader/campaigns/" + this.gaston + "/toolkit/messages";
		this.mvc
			.perform(post(path).with(leader)
				.with(csrf())
				.param("language", "es")
				.param("social", "Firme ya \uD83C\uDF89 <b>hoy</b>")
				.param("sms", "Firme, por favor")
				.param("subject", "Asunto propio")
				.param("body", "Hola:\r\n\r\nFirme, por favor."))
			.andExpect(status().is3xxRedirection());
		// the same again: one row, the same answer
		this.mvc
			.perform(post(path).with(leader)
				.with(csrf())
				.param("language", "es")
				.param("social", "Firme ya \uD83C\uDF89 <b>hoy</b>")
				.param("sms", "Firme, por favor")
				.param("subject", "Asunto propio")
				.param("body", "Hola:\r\n\r\nFirme, por favor."))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.sql("select count(*) from toolkit_share_messages").query(Long.class).single())
			.isEqualTo(1);
		assertThat(this.jdbc.sql("select body from toolkit_share_messages").query(String.class).single())
			.isEqualTo("Hola:\n\nFirme, por favor.");
		String spanish = html(get("/campaigns/" + GASTON).param("lang", "es"), 200);
		assertThat(spanish).contains("href=\"https://wa.me/?text=Firme%2C%20por%20favor%20",
				"content=\"Firme ya \uD83C\uDF89 &lt;b&gt;hoy&lt;/b&gt;\"");
		String english = html(get("/campaigns/" + GASTON).param("lang", "en"), 200);
		assertThat(english).contains("href=\"https://wa.me/?text=Will%20you%20sign%3F");
		String page = html(get("/leader/campaigns/" + this.gaston + "/toolkit").with(leader), 200);
		assertThat(page).contains("Written by the leaders of this campaign.", "Asunto propio",
				"Use the suggested Spanish messages again");
		this.mvc.perform(post(path).with(leader).with(csrf()).param("language", "es").param("action", "defaults"))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.sql("select count(*) from toolkit_share_messages").query(Long.class).single()).isZero();
		assertThat(html(get("/campaigns/" + GASTON).param("lang", "es"), 200))
			.contains("href=\"https://wa.me/?text=%C2%BFFirma%20usted%3F");
	}

	@Test
	void badMessagesAreRefusedFieldByFieldAndNothingIsSaved() throws Exception {
		RequestPostProcessor leader = leader();
		String path = "/leader/campaigns/" + this.gaston + "/toolkit/messages";
		String empty = html(post(path).with(leader).with(csrf()).param("language", "en"), 400);
		assertThat(empty).contains("Write the post for social networks.", "Write the text message.",
				"Write the e-mail subject.", "Write the e-mail.", "href=\"#social-en\"");
		assertThat(AccessibleHtml.problems(empty)).isEmpty();
		String huge = html(post(path).with(leader)
			.with(csrf())
			.param("language", "en")
			.param("social", "x".repeat(10_000))
			.param("sms", "ok")
			.param("subject", "Line one\nline two")
			.param("body", "\u202Ereversed"), 400);
		assertThat(huge)
			.contains("The post can have at most 250 characters.", "The e-mail subject must fit on one line.",
					"Remove the invisible or control characters from this text.")
			.doesNotContain("x".repeat(501));
		String spanish = html(post(path).with(leader)
			.with(csrf())
			.param("language", "es")
			.header("Accept-Language", "es")
			.param("social", "ok")
			.param("sms", "ok")
			.param("subject", "ok")
			.param("body", "b".repeat(2001)), 400);
		assertThat(spanish).contains("El correo puede tener como máximo 2000 caracteres.");
		assertThat(html(post(path).with(leader).with(csrf()).param("language", "fr").param("social", "x"), 400))
			.contains("The language must be English or Spanish.");
		assertThat(this.jdbc.sql("select count(*) from toolkit_share_messages").query(Long.class).single()).isZero();
	}

	@Test
	void onlyTheCampaignsLeadersAndAdminsReachTheToolkitPage() throws Exception {
		this.mvc.perform(get("/leader/campaigns/" + this.gaston + "/toolkit").with(user("someone").roles("LEADER")))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/leader/campaigns/" + this.gaston + "/toolkit")).andExpect(status().is3xxRedirection());
		this.mvc
			.perform(
					post("/leader/campaigns/" + this.gaston + "/toolkit/messages").with(user("someone").roles("LEADER"))
						.with(csrf())
						.param("language", "en")
						.param("social", "x"))
			.andExpect(status().isNotFound());
		for (String id : new String[] { "abc", "-1", "9".repeat(40), "999999" }) {
			this.mvc.perform(get("/leader/campaigns/" + id + "/toolkit").with(leader()))
				.andExpect(status().isNotFound());
		}
		String dashboard = html(get("/leader/campaigns/" + this.gaston).with(leader()), 200);
		assertThat(dashboard).contains("href=\"/leader/campaigns/" + this.gaston + "/toolkit\"",
				"href=\"/campaigns/" + GASTON + "/signature-sheet.pdf?lang=en\"");
	}

}
