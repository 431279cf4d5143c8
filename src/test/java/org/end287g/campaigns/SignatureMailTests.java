package org.end287g.campaigns;

import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import org.end287g.accounts.SignedIn;
import org.end287g.notifications.TestSmtp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

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
class SignatureMailTests extends SigningTestBase {

	static final int PORT = TestSmtp.freePort();

	static GreenMail smtp = TestSmtp.start(PORT);

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> PORT);
	}

	@Autowired
	ApplicationContext context;

	@BeforeEach
	void fixture() {
		if (!smtp.isRunning()) {
			smtp = TestSmtp.start(PORT);
		}
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
