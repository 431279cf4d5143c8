package org.end287g.campaigns.delivery;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.end287g.Staff;
import org.end287g.campaigns.signing.StaffTestSupport;
import org.end287g.toolkit.LongestInput;
import org.end287g.toolkit.Readers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The packet leaders deliver: PDF and CSV, for the campaign's leaders and staff only. */
class DeliveryPacketTests extends StaffTestSupport {

	@Autowired
	MessageSource messages;

	static String text(byte[] pdf) throws Exception {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			PDFTextStripper stripper = new PDFTextStripper();
			// tables are drawn on their own layer: read the page top to bottom
			stripper.setSortByPosition(true);
			// sorting splits the kerned first letters of the headings ("Z IP", "C ódigo")
			return stripper.getText(document).replaceAll("(?m)^(\\p{Lu}) (\\p{L})", "$1$2");
		}
	}

	static int pages(byte[] pdf) throws Exception {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return document.getNumberOfPages();
		}
	}

	MockHttpServletResponse download(String path, RequestPostProcessor who) throws Exception {
		return this.mvc.perform(get(path).with(who)).andExpect(status().isOk()).andReturn().getResponse();
	}

	void signers(long id) {
		signature(id,
				sig().name("Zoe", "Adams")
					.zip("28054")
					.email("zoe@secret.example")
					.comment("Keep families together", false));
		signature(id,
				sig().name("José", "Núñez")
					.zip("28052")
					.email("jose@secret.example")
					.comment("Hidden <b>rant</b>", true));
		signature(id, sig().name("Ольга", "Иванова").zip("28012").email("olga@secret.example"));
		signature(id,
				sig().name("=HYPERLINK(\"http://x\")", "+Evil")
					.zip("28056")
					.email("evil@secret.example")
					.comment("@SUM(A1)", false));
		signature(id, sig().name("Unconfirmed", "Person").email("unconfirmed@secret.example").unconfirmed());
		long invalid = signature(id, sig().name("Invalid", "Bot").email("bot@secret.example"));
		this.jdbc.sql("update signatures set invalidated_at = created_at where id = ?").param(invalid).update();
		count(id, 0, 3);
		count(id, 5, 1);
	}

	@Test
	void pdfHasThePetitionTargetCountAndSignersNamesAndCitiesOnly() throws Exception {
		long id = gaston().id();
		signers(id);
		this.jdbc.sql("update campaigns set head_title = 'SHERIFF', head_name = 'Alan Cloninger' where id = ?")
			.param(id)
			.update();
		long audited = auditCount("personal-data.export");
		MockHttpServletResponse response = download("/leader/campaigns/" + id + "/delivery.pdf", leaderOf(id));
		assertThat(response.getContentType()).isEqualTo("application/pdf");
		assertThat(response.getHeader("Content-Disposition")).contains("attachment");
		String text = text(response.getContentAsByteArray());
		assertThat(text).contains("Petition to Gaston County Sheriff's Office",
				"We, residents of Gaston County, North Carolina", "Sheriff: Alan Cloninger",
				"Confirmed valid signatures: 4", "Name City", "Ольга Иванова Belmont", "José Núñez Gastonia",
				"Zoe Adams Gastonia", "Page 1 of 1");
		// by city (Belmont first), then by last name
		assertThat(text).containsSubsequence("Ольга Иванова", "Zoe Adams", "José Núñez");
		// what the sheet and the form promise: never the e-mail address or the ZIP code
		assertThat(text).doesNotContain("@secret.example", "28012", "28052", "28054", "28056", "ZIP");
		assertThat(text).doesNotContain("Unconfirmed", "Invalid Bot", "Keep families", "Hidden");
		assertThat(auditCount("personal-data.export")).isEqualTo(audited + 1);

		String withComments = text(download("/leader/campaigns/" + id + "/delivery.pdf?comments=true", leaderOf(id))
			.getContentAsByteArray());
		assertThat(withComments).contains("Keep families together", "Comment").doesNotContain("rant", "@secret");

		String spanish = text(
				download("/leader/campaigns/" + id + "/delivery.pdf?lang=es", leaderOf(id)).getContentAsByteArray());
		assertThat(spanish)
			.contains("Petición a Gaston County", "Nosotros, residentes de Gaston County",
					"Firmas válidas confirmadas: 4", "Nombre Ciudad", "José Núñez Gastonia", "Página 1 de 1")
			.doesNotContain("Código postal", "28052");

		// a leader's own petition is printed in its language, whatever the reader's
		this.jdbc.sql("update campaigns set petition_text = ?, petition_language = 'es' where id = ?")
			.params("Pedimos al sheriff que termine el acuerdo.", id)
			.update();
		String own = text(download("/leader/campaigns/" + id + "/delivery.pdf", leaderOf(id)).getContentAsByteArray());
		assertThat(own).contains("Petición a", "Pedimos al sheriff que termine el acuerdo.", "Página 1 de 1")
			.doesNotContain("We, residents");
	}

	@Test
	void namesInEveryCommonScriptPrintWithEmbeddedFonts() throws Exception {
		long id = gaston().id();
		String[][] names = { { "王", "小明" }, { "김", "민준" }, { "さくら", "山田" }, { "አበበ", "ቢቂላ" }, { "Արամ", "Պետրոսյան" },
				{ "ნინო", "ბერიძე" }, { "محمد", "علي" }, { "דוד", "כהן" } };
		for (String[] name : names) {
			signature(id, sig().name(name[0], name[1]).zip("28052"));
		}
		count(id, 0, names.length);
		byte[] pdf = download("/leader/campaigns/" + id + "/delivery.pdf", leaderOf(id)).getContentAsByteArray();
		String text = Normalizer.normalize(text(pdf), Normalizer.Form.NFKC);
		for (String[] name : names) {
			assertThat(text).as(name[0]).contains(name[0], name[1]);
		}
		try (PDDocument document = Loader.loadPDF(pdf)) {
			List<String> fonts = new ArrayList<>();
			for (COSName font : document.getPage(0).getResources().getFontNames()) {
				PDFont loaded = document.getPage(0).getResources().getFont(font);
				fonts.add(loaded.getName());
				assertThat(loaded.isEmbedded()).as(loaded.getName()).isTrue();
			}
			assertThat(String.join(" ", fonts)).contains("LiberationSans", "NotoSansArabic", "NotoSansEthiopic",
					"NotoSansArmenian", "NotoSansGeorgian", "NanumSquare", "DroidSansFallback");
		}
	}

	@Test
	void csvHasOneRowPerValidSignatureNeutralisedAndWithABom() throws Exception {
		long id = gaston().id();
		signers(id);
		MockHttpServletResponse response = download("/leader/campaigns/" + id + "/delivery.csv?comments=true",
				realAdmin());
		byte[] bytes = response.getContentAsByteArray();
		assertThat(bytes[0] & 0xff).isEqualTo(0xEF);
		assertThat(bytes[1] & 0xff).isEqualTo(0xBB);
		assertThat(bytes[2] & 0xff).isEqualTo(0xBF);
		String csv = new String(bytes, StandardCharsets.UTF_8).substring(1);
		String[] lines = csv.split("\r\n");
		assertThat(lines[0]).isEqualTo("city,first_name,last_name,comment,source,signed_at");
		assertThat(lines).hasSize(5);
		assertThat(lines[1]).startsWith("\"Belmont\",\"Ольга\",\"Иванова\",\"\",\"ONLINE\"");
		assertThat(csv)
			.contains("\"Gastonia\",\"'=HYPERLINK(\"\"http://x\"\")\",\"'+Evil\"", "\"'@SUM(A1)\"",
					"\"Keep families together\"")
			.doesNotContain("secret.example", "rant", "Unconfirmed", "Bot", "2805", "28012");
		assertThat(DeliveryPacket.cell("\tx")).isEqualTo("\"'\tx\"");
		assertThat(DeliveryPacket.cell("\rx")).isEqualTo("\"'\rx\"");
		assertThat(DeliveryPacket.cell("a=b")).isEqualTo("\"a=b\"");
	}

	@Test
	void onlyTheCampaignsLeadersAndStaffGetThePacket() throws Exception {
		long gaston = gaston().id();
		long york = this.campaigns.find("sc-york-county-sheriffs-office").orElseThrow().id();
		signers(gaston);
		long audited = auditCount("personal-data.export");
		RequestPostProcessor yorkLeader = leaderOf(york);
		for (String path : new String[] { "/leader/campaigns/" + gaston + "/delivery.pdf",
				"/leader/campaigns/" + gaston + "/delivery.csv", "/leader/campaigns/" + gaston + "/delivery",
				"/leader/campaigns/999999/delivery.pdf", "/leader/campaigns/' OR 1=1 --/delivery.csv" }) {
			this.mvc.perform(get(path).with(yorkLeader)).andExpect(status().isNotFound());
			// an admin grant in the token is not enough: the database must say so
			this.mvc.perform(get(path).with(Staff.admin())).andExpect(status().isNotFound());
			this.mvc.perform(get(path)).andExpect(status().is3xxRedirection());
		}
		assertThat(auditCount("personal-data.export")).isEqualTo(audited);
		download("/leader/campaigns/" + gaston + "/delivery.pdf", realAdmin());
		download("/leader/campaigns/" + york + "/delivery.csv", yorkLeader);
		assertThat(auditCount("personal-data.export")).isEqualTo(audited + 2);
	}

	/**
	 * The packet as designed: the title, the petition, the target and the count from the
	 * top of page 1, then one table of signers whose header repeats on every page, "Page
	 * n of m" at the foot of each. The petition is never cut: it is what is delivered.
	 * With the longest texts the forms allow, in both languages, nothing leaves the
	 * paper.
	 */
	@Test
	void theLongestPacketKeepsToItsPagesInBothLanguages() throws Exception {
		long id = gaston().id();
		this.jdbc.sql("update campaigns set head_title = 'DIRECTOR', head_name = ? where id = ?")
			.params(LongestInput.personName(LongestInput.headName()), id)
			.update();
		String longName = LongestInput.personName(LongestInput.name());
		String city = LongestInput.longestCityZip();
		for (String language : new String[] { "en", "es" }) {
			this.jdbc.sql("update campaigns set petition_text = ?, petition_language = ? where id = ?")
				.params(LongestInput.prose(language, LongestInput.petition()), language, id)
				.update();
			this.jdbc.sql("delete from signatures").update();
			byte[] empty = download("/leader/campaigns/" + id + "/delivery.pdf", leaderOf(id)).getContentAsByteArray();
			assertThat(pages(empty)).as(language + ", no signer").isEqualTo(PETITION_PAGES);
			fitsAndIsNumbered(empty, language);
			for (int i = 0; i < SIGNERS; i++) {
				signature(id,
						sig().name(longName, longName)
							.zip(city)
							.comment(LongestInput.prose(language, LongestInput.comment()), false));
			}
			byte[] full = download("/leader/campaigns/" + id + "/delivery.pdf?comments=true", leaderOf(id))
				.getContentAsByteArray();
			assertThat(pages(full)).as(language + ", " + SIGNERS + " signers").isEqualTo(FULL_PAGES);
			fitsAndIsNumbered(full, language);
			// every one of them, each with the city
			String csv = download("/leader/campaigns/" + id + "/delivery.csv", leaderOf(id))
				.getContentAsString(StandardCharsets.UTF_8);
			assertThat(csv.split("\r\n")).hasSize(SIGNERS + 1);
			assertThat(csv.split(Pattern.quote(longName), -1)).hasSize(2 * SIGNERS + 1);
		}
	}

	/**
	 * Signers of the longest names and comments in
	 * {@link #theLongestPacketKeepsToItsPagesInBothLanguages}.
	 */
	static final int SIGNERS = 20;

	/** The pages of the longest petition, target and count. */
	static final int PETITION_PAGES = 2;

	/**
	 * The pages of those and {@link #SIGNERS} signers of the longest names and comments.
	 */
	static final int FULL_PAGES = 8;

	static void fitsAndIsNumbered(byte[] pdf, String language) throws Exception {
		assertThat(Readers.outsideMargins(pdf, 18)).as(language + ": text off the paper").isEmpty();
		int pages = pages(pdf);
		String text = text(pdf);
		for (int page = 1; page <= pages; page++) {
			assertThat(text)
				.contains(("es".equals(language) ? "Página " + page + " de " : "Page " + page + " of ") + pages);
		}
	}

	@Test
	void aMalformedCommentsChoiceIsRefusedWithATranslatedMessageAndNothingExported() throws Exception {
		long id = gaston().id();
		signers(id);
		long audited = auditCount("personal-data.export");
		RequestPostProcessor leader = leaderOf(id);
		for (String comments : new String[] { "maybe", "<script>alert(1)</script>", "' OR 1=1 --",
				"x".repeat(5_000) }) {
			for (String file : new String[] { "delivery.pdf", "delivery.csv" }) {
				String page = this.mvc
					.perform(get("/leader/campaigns/" + id + "/" + file).param("comments", comments).with(leader))
					.andExpect(status().isBadRequest())
					.andReturn()
					.getResponse()
					.getContentAsString(StandardCharsets.UTF_8);
				assertThat(page).contains(this.messages.getMessage("error.param.malformed", null, Locale.ENGLISH))
					.doesNotContain("<script>alert(1)");
			}
		}
		String spanish = this.mvc
			.perform(get("/leader/campaigns/" + id + "/delivery.pdf").param("comments", "quizás")
				.param("lang", "es")
				.with(leader))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(spanish)
			.contains(this.messages.getMessage("error.param.malformed", null, Locale.forLanguageTag("es")));
		assertThat(auditCount("personal-data.export")).isEqualTo(audited);
	}

	@Test
	void tenThousandSignersMakeAManyPagePacket() throws Exception {
		long id = gaston().id();
		List<Object[]> rows = new ArrayList<>();
		byte[] first = seal("Firstname", "first_name");
		for (int i = 0; i < 10_000; i++) {
			rows.add(new Object[] { id, first, seal("Last" + i, "last_name"),
					seal(String.format("%05d", 28000 + (i % 60)), "zip") });
		}
		for (Object[] row : rows) {
			this.jdbc.sql("""
					insert into signatures (campaign_id, first_name_sealed, last_name_sealed, zip_sealed, language,
					source, created_at, confirmed_at) values (?, ?, ?, ?, 'en', 'ONLINE', current_timestamp,
					current_timestamp)""").params(row).update();
		}
		count(id, 0, 10_000);
		byte[] pdf = download("/leader/campaigns/" + id + "/delivery.pdf", leaderOf(id)).getContentAsByteArray();
		int pages = pages(pdf);
		assertThat(pages).isGreaterThan(100);
		String text = text(pdf);
		assertThat(text)
			.contains("Confirmed valid signatures: 10,000", "Page 1 of " + pages, "Page " + pages + " of " + pages,
					"Firstname Last9999", "Albemarle", "City not known")
			.doesNotContain("28059");
		String csv = download("/leader/campaigns/" + id + "/delivery.csv", leaderOf(id))
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(csv.split("\r\n")).hasSize(10_001);
	}

}
