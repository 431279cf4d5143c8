package org.end287g.toolkit;

import java.awt.image.BufferedImage;
import java.util.Arrays;

import org.end287g.campaigns.Campaign;
import org.end287g.campaigns.Campaigns;
import org.end287g.campaigns.TestCampaigns;
import org.end287g.tracker.TrackerFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The five public files of a campaign, each read back by a reader that did not write it:
 * PDFBox for the PDFs, ImageIO for the PNGs, ZXing for the QR codes.
 */
@SpringBootTest
@AutoConfigureMockMvc
class MaterialsTests {

	static final String GASTON = "nc-gaston-county-sheriffs-office";

	static final String URL = "http://localhost:8080/campaigns/" + GASTON;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Campaigns campaigns;

	@Autowired
	MessageSource messages;

	@BeforeEach
	void campaignsOfTheFixture() {
		TestCampaigns.clear(this.jdbc);
		this.jdbc.sql("delete from impact_figures where created_by <> 'migration'").update();
		new TrackerFixture(this.jdbc).load("COMMAND");
		this.campaigns.createMissing();
	}

	Campaign gaston() {
		return this.campaigns.find(GASTON).orElseThrow();
	}

	MockHttpServletResponse fetch(String path, String type) throws Exception {
		return this.mvc.perform(get(path))
			.andExpect(status().isOk())
			.andExpect(content().contentType(type))
			.andReturn()
			.getResponse();
	}

	void count(long campaignId, long n) {
		this.jdbc.sql("insert into signature_counts (campaign_id, shard, confirmed) values (?, 3, ?)")
			.params(campaignId, n)
			.update();
	}

	@Test
	void shareImageIs1200By630AndItsProgressBarGrowsWithTheCount() throws Exception {
		byte[] empty = fetch("/campaigns/" + GASTON + "/share.png", "image/png").getContentAsByteArray();
		BufferedImage before = Readers.png(empty);
		assertThat(before.getWidth()).isEqualTo(1200);
		assertThat(before.getHeight()).isEqualTo(630);
		// the middle of the progress bar: grey track while nobody signed
		int x = 600;
		int y = 630 - 170 + 18;
		assertThat(before.getRGB(x, y) & 0xFFFFFF).isEqualTo(0xE3E3E3);
		count(gaston().id(), 150);
		byte[] grown = fetch("/campaigns/" + GASTON + "/share.png", "image/png").getContentAsByteArray();
		assertThat(Arrays.equals(empty, grown)).isFalse();
		BufferedImage after = Readers.png(grown);
		assertThat(after.getWidth()).isEqualTo(1200);
		// 150 of 200: the bar is filled past the middle
		assertThat(after.getRGB(x, y) & 0xFFFFFF).isEqualTo(0x8A1C1C);
		assertThat(after.getRGB(1130 - 60, y) & 0xFFFFFF).isEqualTo(0xE3E3E3);
		byte[] spanish = fetch("/campaigns/" + GASTON + "/share.png?lang=es", "image/png").getContentAsByteArray();
		assertThat(Readers.png(spanish).getHeight()).isEqualTo(630);
		assertThat(Arrays.equals(spanish, grown)).isFalse();
	}

	/**
	 * Pixels of this colour in a band of rows, and whether any inked pixel passes
	 * {@code right}.
	 */
	static int[] colour(BufferedImage image, int top, int bottom, int rgb, int right) {
		int found = 0;
		int beyond = 0;
		for (int y = top; y < bottom; y++) {
			for (int x = 0; x < image.getWidth(); x++) {
				int pixel = image.getRGB(x, y) & 0xFFFFFF;
				found += (pixel == rgb) ? 1 : 0;
				beyond += (x > right && pixel != 0xFFFFFF) ? 1 : 0;
			}
		}
		return new int[] { found, beyond };
	}

	@Test
	void theShareImageShowsTheAgencysHeadlineFigureAndItsSourceWhenItHasOne() throws Exception {
		String path = "/campaigns/" + GASTON + "/share.png";
		BufferedImage without = Readers.png(fetch(path, "image/png").getContentAsByteArray());
		// under the title down to the bar, and at the foot: nothing without a figure
		assertThat(colour(without, 250, 458, 0x8A1C1C, 1200)[0]).isZero();
		assertThat(colour(without, 585, 625, 0x1A1A1A, 1200)[0]).isZero();
		String slug = gaston().agencySlug();
		this.jdbc.sql("""
				insert into impact_figures (agency_slug, measure, amount, qualifier, fiscal_year, source_title,
				source_publisher, created_at, created_by)
				values (?, 'REMOVALS', 9223372036854775807, 'AT_LEAST', 2019, ?, ?, CURRENT_TIMESTAMP, 'test')""")
			.params(slug, "T".repeat(300), "P".repeat(200))
			.update();
		for (String language : new String[] { "", "?lang=es" }) {
			BufferedImage with = Readers.png(fetch(path + language, "image/png").getContentAsByteArray());
			assertThat(with.getWidth()).isEqualTo(1200);
			assertThat(with.getHeight()).isEqualTo(630);
			// the figure in the accent colour, the source in ink, both within the margins
			int[] figure = colour(with, 250, 458, 0x8A1C1C, 1200 - 60);
			assertThat(figure[0]).as(language).isGreaterThan(100);
			assertThat(figure[1]).as(language).isZero();
			int[] source = colour(with, 585, 625, 0x1A1A1A, 1200 - 60);
			assertThat(source[0]).as(language).isGreaterThan(50);
			assertThat(source[1]).as(language).isZero();
		}
	}

	@Test
	void qrCodeOpensTheCampaignPageInItsLanguageWithItsReferralCode() throws Exception {
		byte[] png = fetch("/campaigns/" + GASTON + "/qr.png", "image/png").getContentAsByteArray();
		assertThat(Readers.qr(Readers.png(png))).isEqualTo(URL + "?lang=en&ref=qr");
		byte[] spanish = fetch("/campaigns/" + GASTON + "/qr.png?lang=es", "image/png").getContentAsByteArray();
		assertThat(Readers.qr(Readers.png(spanish))).isEqualTo(URL + "?lang=es&ref=qr");
		// without ?lang, the page's language: here the browser's
		byte[] browser = this.mvc.perform(get("/campaigns/" + GASTON + "/qr.png").header("Accept-Language", "es-MX"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(Readers.qr(Readers.png(browser))).isEqualTo(URL + "?lang=es&ref=qr");
		// a language we do not speak, or anything hostile, is English
		for (String lang : new String[] { "fr", "<script>", "es' OR 1=1 --", "x".repeat(10_000) }) {
			byte[] other = this.mvc.perform(get("/campaigns/" + GASTON + "/qr.png").param("lang", lang))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsByteArray();
			assertThat(Readers.qr(Readers.png(other))).as(lang).isEqualTo(URL + "?lang=en&ref=qr");
		}
	}

	@Test
	void flyerHasTheMessageAndAQrCodeThatSurvivesABlackAndWhiteCopy() throws Exception {
		count(gaston().id(), 42);
		byte[] pdf = fetch("/campaigns/" + GASTON + "/flyer.pdf", "application/pdf").getContentAsByteArray();
		assertThat(Readers.pdfPages(pdf)).isEqualTo(1);
		assertThat(Readers.pdfLanguage(pdf)).isEqualTo("en");
		String text = Readers.pdfSquashed(pdf);
		assertThat(text).contains(Readers.squash("Ask Gaston County Sheriff's Office to end its agreement with ICE",
				"We, residents of Gaston County, North Carolina", "42 of 200 signatures so far", URL, "Scan to sign"));
		// the whole petition fits: nothing is cut
		assertThat(text).contains(Readers.squash(petition("en"))).doesNotContain("\u2026", "Thewholepetition");
		assertThat(Readers.qr(Readers.photocopy(pdf, 0))).isEqualTo(URL + "?lang=en&ref=flyer");
		byte[] spanish = fetch("/campaigns/" + GASTON + "/flyer.pdf?lang=es", "application/pdf")
			.getContentAsByteArray();
		assertThat(Readers.pdfPages(spanish)).isEqualTo(1);
		assertThat(Readers.pdfLanguage(spanish)).isEqualTo("es");
		assertThat(Readers.pdfSquashed(spanish))
			.contains(Readers.squash("Pidamos a Gaston County Sheriff's Office", "42 de 200 firmas hasta ahora",
					"Escanee para firmar", petition("es")))
			.doesNotContain("\u2026", "Lapeticióncompleta");
		assertThat(Readers.qr(Readers.photocopy(spanish, 0))).isEqualTo(URL + "?lang=es&ref=flyer");
	}

	/**
	 * The sample petition of the Gaston County campaign, as the campaign page words it.
	 */
	String petition(String language) {
		return this.messages.getMessage("campaigns.petition.text",
				new Object[] { "Gaston County Sheriff's Office", "Gaston County", "North Carolina" },
				java.util.Locale.forLanguageTag(language));
	}

	@Test
	void signatureSheetAsksForWhatPaperEntryKeepsAndSaysWhatTheAgencySees() throws Exception {
		byte[] pdf = fetch("/campaigns/" + GASTON + "/signature-sheet.pdf?sheet=7", "application/pdf")
			.getContentAsByteArray();
		assertThat(Readers.pdfPages(pdf)).isEqualTo(1);
		String text = Readers.pdfText(pdf);
		assertThat(Readers.squash(text)).contains(Readers.squash("Petition to Gaston County Sheriff's Office",
				"Sheet no. 7", "Event:", "Date:", "Collected by:", "Why do you sign? (optional)"));
		assertThat(Readers.squash(text)).containsSubsequence(Readers.squash("We, residents of Gaston County",
				petition("en").substring(petition("en").length() - 30), "Goal: 200 signatures",
				"What the agency sees: the petition we deliver lists each signer's name and city, never the e-mail "
						+ "address or ZIP code.",
				"No.", "First name", "Last name", "ZIP", "E-mail (optional)", "Why do you sign? (optional)",
				"E-mail me", "(X)"));
		assertThat(Readers.squash(text)).doesNotContain("Street", "address and city", "Signature");
		for (int row = 1; row <= 12; row++) {
			assertThat(text).containsPattern("(?m)^" + row + "\\s*$");
		}
		String blank = Readers.pdfSquashed(
				fetch("/campaigns/" + GASTON + "/signature-sheet.pdf", "application/pdf").getContentAsByteArray());
		assertThat(blank).contains("Sheetno.______").doesNotContain("Sheetno.7");
		byte[] spanishPdf = fetch("/campaigns/" + GASTON + "/signature-sheet.pdf?lang=es&sheet=2", "application/pdf")
			.getContentAsByteArray();
		assertThat(Readers.pdfPages(spanishPdf)).isEqualTo(1);
		String spanish = Readers.pdfSquashed(spanishPdf);
		assertThat(spanish).contains(Readers.squash("Petición a Gaston County Sheriff's Office", "Hoja n.º 2",
				"Código postal", "Correo (opcional)", "¿Por qué firma? (opcional)"));
		assertThat(spanish).containsSubsequence(Readers.squash("Nosotros",
				petition("es").substring(petition("es").length() - 30), "Meta: 200 firmas",
				"Lo que ve la agencia: la petición que entregamos lleva el nombre y la ciudad de cada firmante, nunca "
						+ "el correo ni el código postal.",
				"Nombre", "Apellido", "Envíenme", "(X)"));
		assertThat(spanish).doesNotContain("Dirección");
	}

	@Test
	void signatureSheetPrintsTheLeadersOwnPetitionEvenWhenHostile() throws Exception {
		String hostile = "<script>alert(1)</script> ' OR 1=1 -- \u05E9\u05DC\u05D5\u05DD Ana \uD83C\uDF89 end it now";
		this.jdbc.sql("update campaigns set petition_language = 'en', petition_text = ? where slug = ?")
			.params(hostile, GASTON)
			.update();
		String text = Readers.pdfSquashed(
				fetch("/campaigns/" + GASTON + "/signature-sheet.pdf", "application/pdf").getContentAsByteArray());
		assertThat(text).contains(Readers.squash("<script>alert(1)</script> ' OR 1=1 --", "end it now"))
			.doesNotContain("We,residentsof");
	}

	@Test
	void malformedSheetNumbersAreRefusedWithATranslatedMessage() throws Exception {
		for (String sheet : new String[] { "0", "10000", "abc", "-1", "1.5", "<script>", "٣", "9".repeat(10_000) }) {
			String page = this.mvc.perform(get("/campaigns/" + GASTON + "/signature-sheet.pdf").param("sheet", sheet))
				.andExpect(status().isBadRequest())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(page).contains("The sheet number must be a whole number from 1 to 9999.");
		}
		String spanish = this.mvc
			.perform(get("/campaigns/" + GASTON + "/signature-sheet.pdf").param("sheet", "x").param("lang", "es"))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(spanish).contains("El número de hoja debe ser un número entero del 1 al 9999.");
	}

	@Test
	void handoutExplains287gAndTheLocalAgreement() throws Exception {
		byte[] pdf = fetch("/campaigns/" + GASTON + "/handout.pdf", "application/pdf").getContentAsByteArray();
		assertThat(Readers.pdfPages(pdf)).isEqualTo(1);
		String text = Readers.pdfSquashed(pdf);
		assertThat(text).contains(Readers.squash("287(g) in Gaston County: what it is and how to end it",
				"The agreement of Gaston County Sheriff's Office", "Jail Enforcement Model (JEM)",
				"signed: February 20, 2025", "Warrant Service Officer (WSO)", "signed: May 1, 2025", URL));
		assertThat(Readers.qr(Readers.photocopy(pdf, 0))).isEqualTo(URL + "?lang=en&ref=handout");
		byte[] spanishPdf = fetch("/campaigns/" + GASTON + "/handout.pdf?lang=es", "application/pdf")
			.getContentAsByteArray();
		assertThat(Readers.pdfPages(spanishPdf)).isEqualTo(1);
		assertThat(Readers.qr(Readers.photocopy(spanishPdf, 0))).isEqualTo(URL + "?lang=es&ref=handout");
		String spanish = Readers.pdfSquashed(spanishPdf);
		assertThat(spanish).contains(Readers.squash("El 287(g) en Gaston County", "¿Qué es el 287(g)?",
				"Modelo de Cárcel (JEM)", "firmado: 20 de febrero de 2025", "Qué puede hacer usted"));
	}

	@Test
	void hostileAgencyNamesPrintAsText() throws Exception {
		Campaign injected = this.campaigns.forAgency(TrackerFixture.INJECTED).orElseThrow();
		String text = Readers.pdfSquashed(
				fetch("/campaigns/" + injected.slug() + "/flyer.pdf", "application/pdf").getContentAsByteArray());
		assertThat(text).contains(Readers.squash("=SUM(1,2) Police, \"Dept\""));
		assertThat(
				Readers.png(fetch("/campaigns/" + injected.slug() + "/share.png", "image/png").getContentAsByteArray())
					.getWidth())
			.isEqualTo(1200);
	}

	@Test
	void unknownCampaignsAreNotFound() throws Exception {
		for (String file : new String[] { "share.png", "qr.png", "flyer.pdf", "signature-sheet.pdf", "handout.pdf" }) {
			this.mvc.perform(get("/campaigns/no-such-campaign/" + file)).andExpect(status().isNotFound());
			this.mvc.perform(get("/campaigns/" + "x".repeat(10_000) + "/" + file)).andExpect(status().isNotFound());
		}
	}

}
