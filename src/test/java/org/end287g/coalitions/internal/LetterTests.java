package org.end287g.coalitions.internal;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.end287g.site.AccessibleHtml;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A campaign's leader writes a letter to its target in both languages and opens it;
 * organizations sign it once each through their organizers; the letter's page, PDF, open
 * data, the campaign page and the organizations' pages show who signed; the leader
 * records the delivery and the response. Every form refuses empty, huge, malformed,
 * hostile and duplicate input with a translated error and saves nothing.
 */
class LetterTests extends CoalitionsTestSupport {

	MockHttpServletRequestBuilder sign(String slug, RequestPostProcessor who, long organization, String name) {
		return post("/letters/" + slug + "/sign").with(who)
			.with(csrf())
			.param("organization", Long.toString(organization))
			.param("signerName", name)
			.param("signerTitle", "Director");
	}

	@Test
	void organizationsSignAnOpenLetterOnceAndEveryPageShowsWhoSigned() throws Exception {
		long campaign = gaston().id();
		RequestPostProcessor leader = leaderOf(campaign);
		long id = draft(campaign, leader, "End 287(g) in Gaston County");
		String slug = slug(id);
		assertThat(slug).isEqualTo("end-287-g-in-gaston-county");
		// a draft is no one's to read or sign
		this.mvc.perform(get("/letters/" + slug)).andExpect(status().isNotFound());
		long casa = organization("Casa Esperanza");
		long aid = organization("Legal Aid \u05E9\u05DC\u05D5\u05DD");
		RequestPostProcessor casaOrganizer = organizerOf(casa);
		this.mvc.perform(sign(slug, casaOrganizer, casa, "Ana López")).andExpect(status().isNotFound());
		this.mvc
			.perform(post("/leader/campaigns/" + campaign + "/letters/" + id + "/status").with(leader)
				.with(csrf())
				.param("status", "OPEN"))
			.andExpect(status().is3xxRedirection());
		assertThat(audits("letter.open", "letter:" + id)).isEqualTo(1);

		String anonymous = html(get("/letters/" + slug));
		assertThat(anonymous).contains("End 287(g) in Gaston County", "To Sheriff Alan Cloninger",
				"<strong>end</strong>", "No organisation has signed yet", "Sign in to sign for your organisation");
		assertThat(AccessibleHtml.problems(anonymous)).isEmpty();

		String form = html(get("/letters/" + slug).with(casaOrganizer));
		assertThat(form).contains("Sign for your organisation", "Casa Esperanza");
		assertThat(AccessibleHtml.problems(form)).isEmpty();
		this.mvc.perform(sign(slug, casaOrganizer, casa, "Ana López")).andExpect(status().is3xxRedirection());
		this.mvc.perform(sign(slug, organizerOf(aid), aid, EMOJI)).andExpect(status().is3xxRedirection());
		assertThat(audits("letter.sign", "letter:" + id)).isEqualTo(2);

		// the same organization again, by another of its organizers: refused, once is all
		String again = this.mvc.perform(sign(slug, organizerOf(casa), casa, "Otra Persona"))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(again).contains("Your organisation has already signed this letter.");
		assertThat(signatures()).isEqualTo(2);

		String page = html(get("/letters/" + slug));
		assertThat(page).contains("2 organisations have signed", "Casa Esperanza", "Ana López, Director", EMOJI);
		assertThat(html(get("/letters/" + slug + "?lang=es"))).contains("Ponga fin al 287(g)",
				"2 organizaciones han firmado", "<strong>terminar</strong>");

		this.mvc.perform(get("/api/v1/letters").param("campaign", GASTON))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].slug").value(slug))
			.andExpect(jsonPath("$[0].title").value("End 287(g) in Gaston County"))
			.andExpect(jsonPath("$[0].target.name").value(HEAD))
			.andExpect(jsonPath("$[0].signers").value(2))
			.andExpect(jsonPath("$[0].organisations.length()").value(2))
			.andExpect(jsonPath("$[0].organisations[0].name").value(org.hamcrest.Matchers.startsWith("Casa")));
		this.mvc.perform(get("/api/v1/letters").param("campaign", "no-such-campaign")).andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/letters")).andExpect(status().isBadRequest());

		assertThat(html(get("/campaigns/" + GASTON))).contains("Letters from organisations", "/letters/" + slug,
				"2 organisations have signed");
		String organizationPage = html(get("/organisations/" + Slugs.organization(casa,
				this.jdbc.sql("select name from organizations where id = ?")
					.param(casa)
					.query(String.class)
					.single())));
		assertThat(organizationPage).contains("Letters signed", "End 287(g) in Gaston County");

		for (String language : new String[] { "en", "es" }) {
			MockHttpServletResponse pdf = this.mvc.perform(get("/letters/" + slug + ".pdf?lang=" + language))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse();
			assertThat(pdf.getContentType()).isEqualTo("application/pdf");
			try (PDDocument document = Loader.loadPDF(pdf.getContentAsByteArray())) {
				String text = new PDFTextStripper().getText(document);
				assertThat(text).contains("Casa Esperanza", "Ana López", "Sheriff Alan Cloninger");
				assertThat(text)
					.contains("es".equals(language) ? "2 organizaciones han firmado" : "2 organisations have signed");
				PDRectangle size = document.getPage(0).getMediaBox();
				// fits both A4 (595 x 842) and US Letter (612 x 792)
				assertThat(size.getWidth()).isLessThanOrEqualTo(595.5f);
				assertThat(size.getHeight()).isLessThanOrEqualTo(792.5f);
			}
		}

		// closed: shown, signed no more
		this.mvc
			.perform(post("/leader/campaigns/" + campaign + "/letters/" + id + "/status").with(leader)
				.with(csrf())
				.param("status", "CLOSED"))
			.andExpect(status().is3xxRedirection());
		long late = organization("Late Group");
		this.mvc.perform(sign(slug, organizerOf(late), late, "Late")).andExpect(status().isBadRequest());
		assertThat(signatures()).isEqualTo(2);
	}

	@Test
	void badSignaturesAreTranslatedErrorsAndNothingIsSaved() throws Exception {
		String slug = openLetter(gaston().id(), "Letter to the sheriff");
		long mine = organization("Mine");
		long theirs = organization("Theirs");
		RequestPostProcessor organizer = organizerOf(mine);
		// empty name
		assertThat(this.mvc.perform(sign(slug, organizer, mine, ""))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8))
			.contains("Please give the name of the person who signs for the organisation.");
		// huge name
		this.mvc.perform(sign(slug, organizer, mine, "x".repeat(100_000))).andExpect(status().isBadRequest());
		// malformed: control characters
		this.mvc.perform(sign(slug, organizer, mine, "Ana\u0000López")).andExpect(status().isBadRequest());
		// hostile: signing for an organization the person does not organize, or none
		assertThat(html(sign(slug, organizer, theirs, "Ana López")))
			.contains("Please choose one of the organisations you organise.");
		this.mvc
			.perform(post("/letters/" + slug + "/sign").with(organizer)
				.with(csrf())
				.param("organization", "1 OR 1=1")
				.param("signerName", "Ana"))
			.andExpect(status().isBadRequest());
		// a leader who organizes nothing
		this.mvc.perform(sign(slug, leaderOf(gaston().id()), mine, "Ana")).andExpect(status().isBadRequest());
		// no sign-in, no CSRF token
		this.mvc
			.perform(post("/letters/" + slug + "/sign").with(csrf())
				.param("organization", Long.toString(mine))
				.param("signerName", "Ana"))
			.andExpect(status().is3xxRedirection());
		this.mvc
			.perform(post("/letters/" + slug + "/sign").with(organizer)
				.param("organization", Long.toString(mine))
				.param("signerName", "Ana"))
			.andExpect(status().isForbidden());
		// Spanish
		assertThat(html(sign(slug, organizer, mine, "").param("lang", "es")))
			.contains("Por favor, indique el nombre de la persona que firma por la organización.");
		assertThat(signatures()).isZero();
		// hostile text is kept as typed and shown as text
		this.mvc.perform(sign(slug, organizer, mine, "<script>alert(1)</script>"))
			.andExpect(status().is3xxRedirection());
		assertThat(html(get("/letters/" + slug))).contains("&lt;script&gt;alert(1)&lt;/script&gt;")
			.doesNotContain("<script>alert(1)");
	}

	@Test
	void badLettersAreTranslatedErrorsAndNothingIsSaved() throws Exception {
		long campaign = gaston().id();
		RequestPostProcessor leader = leaderOf(campaign);
		String form = html(get("/leader/campaigns/" + campaign + "/letters").with(leader));
		assertThat(form).contains("Write a letter", HEAD);
		assertThat(AccessibleHtml.problems(form)).isEmpty();
		String empty = this.mvc.perform(
				post("/leader/campaigns/" + campaign + "/letters").with(leader).with(csrf()).param("target", "head"))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(empty).contains("Please fill in this field.");
		assertThat(AccessibleHtml.problems(empty)).isEmpty();
		this.mvc.perform(letter(campaign, leader, "head", "Title", "x".repeat(10_001)))
			.andExpect(status().isBadRequest());
		this.mvc.perform(letter(campaign, leader, "head", "Ti\u0007tle", "Body")).andExpect(status().isBadRequest());
		// a target that is not the campaign's
		assertThat(html(letter(campaign, leader, "99999", "Title", "Body")))
			.contains("Please choose one of the campaign&#39;s targets.");
		assertThat(html(letter(campaign, leader, "head", "", "Body").param("lang", "es")))
			.contains("Por favor, complete este campo.");
		assertThat(letters()).isZero();
		// another campaign's leader, and no one, reach nothing
		long york = this.campaigns.find("sc-york-county-sheriffs-office").orElseThrow().id();
		this.mvc.perform(letter(campaign, leaderOf(york), "head", "Title", "Body")).andExpect(status().isNotFound());
		this.mvc.perform(get("/leader/campaigns/" + campaign + "/letters").with(user("nobody").roles("ORGANIZER")))
			.andExpect(status().isNotFound());
		assertThat(letters()).isZero();
		// hostile Markdown is shown safely; the same title twice gets its own address
		this.mvc
			.perform(letter(campaign, leader, "head", "Same title",
					"<script>alert(1)</script> [x](javascript:alert(1))"))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(letter(campaign, leader, "head", "Same title", "Body")).andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.sql("select slug from letters order by id").query(String.class).list())
			.containsExactly("same-title", "same-title-2");
		long first = this.jdbc.sql("select min(id) from letters").query(Long.class).single();
		this.mvc
			.perform(post("/leader/campaigns/" + campaign + "/letters/" + first + "/status").with(leader)
				.with(csrf())
				.param("status", "OPEN"))
			.andExpect(status().is3xxRedirection());
		assertThat(html(get("/letters/same-title"))).doesNotContain("<script>alert", "href=\"javascript:")
			.contains("&lt;script&gt;");
		// once open, the words are fixed
		this.mvc
			.perform(post("/leader/campaigns/" + campaign + "/letters/" + first).with(leader)
				.with(csrf())
				.param("target", "head")
				.param("titleEn", "New")
				.param("titleEs", "Nuevo")
				.param("bodyEn", "New")
				.param("bodyEs", "Nuevo"))
			.andExpect(status().isBadRequest());
		assertThat(this.jdbc.sql("select title_en from letters where id = ?").param(first).query(String.class).single())
			.isEqualTo("Same title");
		// an unknown move
		this.mvc
			.perform(post("/leader/campaigns/" + campaign + "/letters/" + first + "/status").with(leader)
				.with(csrf())
				.param("status", "DELETED"))
			.andExpect(status().isBadRequest());
	}

	@Test
	void theLeaderRecordsTheDeliveryAndTheResponse() throws Exception {
		long campaign = gaston().id();
		RequestPostProcessor leader = leaderOf(campaign);
		long id = draft(campaign, leader, "Delivered letter");
		String path = "/leader/campaigns/" + campaign + "/letters/" + id;
		// a draft is not delivered
		this.mvc.perform(delivery(path, leader, "2025-07-01", "", "")).andExpect(status().isBadRequest());
		this.mvc.perform(post(path + "/status").with(leader).with(csrf()).param("status", "OPEN"))
			.andExpect(status().is3xxRedirection());
		String tomorrow = LocalDate.now(ZoneOffset.ofHours(14)).plusDays(1).toString();
		assertThat(html(delivery(path, leader, tomorrow, "", "")))
			.contains("Please enter a date such as 2026-03-15, not in the future.");
		this.mvc.perform(delivery(path, leader, "July 1st", "", "")).andExpect(status().isBadRequest());
		assertThat(html(delivery(path, leader, "", "We got it", "")))
			.contains("Please give the delivery date before the response.");
		this.mvc.perform(delivery(path, leader, "2025-07-01", "x".repeat(5001), "")).andExpect(status().isBadRequest());
		assertThat(
				this.jdbc.sql("select count(*) from letters where delivered_on is not null").query(Long.class).single())
			.isZero();
		this.mvc
			.perform(delivery(path, leader, "2025-07-01", "The sheriff will review the agreement.\nThanks.",
					"2025-07-15"))
			.andExpect(status().is3xxRedirection());
		String page = html(get("/letters/delivered-letter"));
		assertThat(page).contains("Delivered on 1 July 2025 to Sheriff Alan Cloninger",
				"The response, received on 15 July 2025", "The sheriff will review the agreement.");
		assertThat(html(get("/letters/delivered-letter?lang=es"))).contains("Entregada el 1 de julio de 2025");
		assertThat(audits("letter.delivery", "letter:" + id)).isEqualTo(1);
	}

	MockHttpServletRequestBuilder letter(long campaign, RequestPostProcessor who, String target, String title,
			String body) {
		return post("/leader/campaigns/" + campaign + "/letters").with(who)
			.with(csrf())
			.param("target", target)
			.param("titleEn", title)
			.param("titleEs", title)
			.param("bodyEn", body)
			.param("bodyEs", body);
	}

	MockHttpServletRequestBuilder delivery(String path, RequestPostProcessor who, String on, String response,
			String responseOn) {
		return post(path + "/delivery").with(who)
			.with(csrf())
			.param("deliveredOn", on)
			.param("response", response)
			.param("responseOn", responseOn);
	}

}
