package org.end287g.campaigns;

import org.end287g.site.AccessibleHtml;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The moments after signing are no dead ends: "check your e-mail" and the confirmed page
 * show the count, the share links (WhatsApp and SMS first, each with its referral code),
 * the ask to lead; and the campaign page tells the signer what the agency will see.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AfterSigningPagesTests extends SigningTestBase {

	static final String GASTON = SignatureFixture.GASTON;

	@Test
	void theCheckYourEmailPageAsksToShareAndToLead() throws Exception {
		String email = SignatureFixture.newEmail();
		this.fixture.sign(SignatureFixture.form(email));
		String signed = page(GASTON + "/signed", "en");
		assertThat(signed)
			.contains("Check your e-mail", "Help it reach 200 signatures", "0 of 200 signatures",
					"href=\"https://wa.me/?text=Will%20you%20sign%3F",
					"nc-gaston-county-sheriffs-office%3Fref%3Dwhatsapp\"", "href=\"sms:?&amp;body=",
					"Can you lead this campaign?", "href=\"/campaigns/nc-gaston-county-sheriffs-office/lead\"")
			.doesNotContain("I signed", "I just signed");
		assertThat(signed.indexOf("https://wa.me/")).isLessThan(signed.indexOf("sms:?"))
			.isLessThan(signed.indexOf("https://www.facebook.com/"));
		assertThat(AccessibleHtml.problems(signed)).isEmpty();
		String spanish = page(GASTON + "/signed", "es");
		assertThat(spanish).contains("Revise su correo electrónico", "Ayude a llegar a 200 firmas",
				"¿Puede usted liderar esta campaña?", "Enviar por WhatsApp");
		assertThat(AccessibleHtml.problems(spanish)).isEmpty();
	}

	@Test
	void theConfirmedPageSaysTheSignatureCountsWithTheCount() throws Exception {
		String email = SignatureFixture.newEmail();
		this.fixture.sign(SignatureFixture.form(email));
		this.fixture.confirm(email);
		String confirmed = page(GASTON + "/confirmed", "en");
		assertThat(confirmed).contains("Thank you for signing", "Your signature counts: 1 of 200 signatures.",
				"%3Fref%3Dwhatsapp\"", "Can you lead this campaign?");
		assertThat(AccessibleHtml.problems(confirmed)).isEmpty();
		assertThat(page(GASTON + "/confirmed", "es")).contains("Su firma cuenta: 1 de 200 firmas.");
	}

	@Test
	void theFormSaysWhatThePetitionDeliveredToTheAgencyShows() throws Exception {
		assertThat(page(GASTON, "en"))
			.contains("the petition delivered to Gaston County Sheriff&#39;s Office lists your first and last name and "
					+ "your city, and may include your comment if you write one. It never shows your e-mail "
					+ "address or your ZIP code.")
			.doesNotContain("we show only your city");
		assertThat(page(GASTON, "es")).contains("Nunca muestra su correo electrónico ni su código postal.");
	}

	private String page(String path, String lang) throws Exception {
		var response = this.mvc.perform(get(path).param("lang", lang)).andReturn().getResponse();
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		return response.getContentAsString();
	}

}
