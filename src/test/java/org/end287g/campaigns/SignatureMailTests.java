package org.end287g.campaigns;

import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import org.end287g.accounts.SignedIn;
import org.end287g.notifications.TestSmtp;
import org.end287g.privacy.BlindIndex;
import org.end287g.privacy.PersonalDataCipher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * End to end through a real SMTP server (GreenMail): sign, receive the confirmation mail,
 * follow its link, press the button, and the campaign counts the signature.
 */
@DirtiesContext
@SpringBootTest(properties = "end287g.site.base-url=https://end287g.test")
@AutoConfigureMockMvc
class SignatureMailTests {

	static final int PORT = TestSmtp.freePort();

	static GreenMail smtp = TestSmtp.start(PORT);

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> PORT);
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PersonalDataCipher cipher;

	@Autowired
	BlindIndex index;

	@Autowired
	Campaigns campaigns;

	@Autowired
	ApplicationContext context;

	SignatureFixture fixture;

	@BeforeEach
	void fixture() {
		if (!smtp.isRunning()) {
			smtp = TestSmtp.start(PORT);
		}
		this.fixture = new SignatureFixture(this.mvc, this.jdbc, this.cipher, this.index).reset(this.campaigns);
	}

	@AfterEach
	void clean() {
		this.fixture.clean();
	}

	@AfterAll
	static void stop() {
		smtp.stop();
	}

	@Test
	void signReceiveTheMailFollowTheLinkConfirmAndTheCampaignCountsOne() throws Exception {
		String email = SignatureFixture.newEmail();
		Map<String, String> form = SignatureFixture.form(email);
		form.put("firstName", "Carmen");
		this.mvc.perform(SignatureFixture.signing(SignatureFixture.GASTON, form).param("lang", "es"))
			.andExpect(redirectedUrl(SignatureFixture.GASTON + "/signed"));
		MimeMessage message = receivedBy(email);
		assertThat(message.getSubject()).isEqualTo("Confirme su firma: Gaston County Sheriff's Office");
		String body = (String) message.getContent();
		assertThat(body).contains("Hola, Carmen:",
				"https://end287g.test/campaigns/nc-gaston-county-sheriffs-office/confirm?token=");
		String[] link = SignatureFixture.link(body);

		this.mvc.perform(get(link[0]).param("token", link[1]).param("lang", "es"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Confirmar mi firma")));
		this.mvc.perform(get("/api/v1/campaigns/nc-gaston-county-sheriffs-office"))
			.andExpect(jsonPath("$.signatures").value(0));
		this.mvc.perform(post(link[0]).param("token", link[1]).with(csrf()).with(SignedIn.from(SignedIn.newAddress())))
			.andExpect(redirectedUrl(SignatureFixture.GASTON + "/confirmed"));
		this.mvc.perform(get("/api/v1/campaigns/nc-gaston-county-sheriffs-office"))
			.andExpect(jsonPath("$.signatures").value(1));
	}

	MimeMessage receivedBy(String email) {
		return TestSmtp.receivedBy(smtp, this.context, email);
	}

}
