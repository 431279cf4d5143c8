package org.end287g.tracker.moa;

import java.nio.file.Files;
import java.util.List;

import org.end287g.Staff;
import org.end287g.tracker.TrackerFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The library as people and programs see it: search, agency pages, the PDF, staff. */
@SpringBootTest
@AutoConfigureMockMvc
class MoaWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MoaLibrary library;

	long document;

	byte[] pdf;

	@BeforeEach
	void load() throws Exception {
		new TrackerFixture(this.jdbc).load("COMMAND");
		this.jdbc.sql("delete from moa_clause_note").update();
		this.pdf = MoaFiles.text("Memorandum of Agreement with the Gaston County Sheriff's Office.",
				"The LEA will honor ICE detainers and hold aliens for no more than 48 hours.",
				"Either party may terminate this MOA at any time; the LEA bears its own costs.");
		this.document = this.library.attachTo(TrackerFixture.GASTON, "JEM", "MOA", "gaston.pdf", this.pdf, "test");
	}

	@Test
	void theApiFindsPagesWithTheContractShape() throws Exception {
		this.mvc.perform(get("/api/v1/moa/search?q=Detainers"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].agency.slug").value(TrackerFixture.GASTON))
			.andExpect(jsonPath("$[0].agency.name").isString())
			.andExpect(jsonPath("$[0].agency.state").value("NC"))
			.andExpect(jsonPath("$[0].model").value("JEM"))
			.andExpect(jsonPath("$[0].page").value(2))
			.andExpect(jsonPath("$[0].snippet").value(containsString("honor ICE detainers and hold")));
		this.mvc.perform(get("/api/v1/moa/search?q=warrant"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(0)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   ", "x", "<script>alert(1)</script>", "%", "a_b", "' or 1=1 --;", "detainer\u0000",
			"0123456789012345678901234567890123456789012345678901234567890123456789012345678901" })
	void aBadQueryIsAJson400AndChangesNothing(String q) throws Exception {
		this.mvc.perform(get("/api/v1/moa/search").param("q", q))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/json"))
			.andExpect(jsonPath("$.error").isString());
		this.mvc.perform(get("/moa").param("q", q))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("class=\"error\"")));
	}

	@Test
	void aMissingQueryIsA400InSpanishToo() throws Exception {
		this.mvc.perform(get("/api/v1/moa/search?lang=es")).andExpect(status().isBadRequest());
		this.mvc.perform(get("/moa?q=%3Cb%3E&lang=es"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Use solo letras")));
	}

	@Test
	void theSearchPageHighlightsTheMatchWithItsPage() throws Exception {
		this.mvc.perform(get("/moa").param("q", "48 hours"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<mark>48 hours</mark>")))
			.andExpect(content().string(containsString("/moa/documents/" + this.document + "#page=2")))
			.andExpect(content().string(containsString("Page 2 of the agreement (MOA)")));
		this.mvc.perform(get("/moa?lang=es"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Buscar en el texto de los acuerdos")));
	}

	@Test
	void staffNotesOnAClauseAreShownInTheReadersLanguage() throws Exception {
		this.mvc
			.perform(post("/admin/moa/notes").with(Staff.admin())
				.with(csrf())
				.param("en_DETAINERS", "A detainer asks the jail to hold someone for ICE.")
				.param("es_DETAINERS", "Una orden de retención pide a la cárcel que retenga a alguien para ICE."))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/moa?q=detainer&lang=es"))
			.andExpect(content().string(containsString("Una orden de retención pide")));
		this.mvc.perform(get("/agencies/" + TrackerFixture.GASTON))
			.andExpect(content().string(containsString("A detainer asks the jail")));
		assertThat(this.jdbc.sql("select count(*) from audit_log where action = 'moa.notes'")
			.query(Integer.class)
			.single()).isPositive();
	}

	@Test
	void aNoteInOneLanguageOnlyIsRefused() throws Exception {
		this.mvc.perform(post("/admin/moa/notes").with(Staff.admin()).with(csrf()).param("en_COSTS", "Only English"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("both languages")));
		assertThat(this.jdbc.sql("select count(*) from moa_clause_note").query(Integer.class).single()).isZero();
	}

	@Test
	void theAgencyPageOffersOurCopyIcesLinkAndTheKeyClauses() throws Exception {
		this.mvc.perform(get("/agencies/" + TrackerFixture.GASTON))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Read the agreement")))
			.andExpect(content().string(containsString("href=\"/moa/documents/" + this.document + "\"")))
			.andExpect(content().string(containsString("Ending the agreement")))
			.andExpect(content().string(containsString("href=\"/moa\"")));
		this.mvc.perform(get("/agencies/" + TrackerFixture.GASTON + "?lang=es"))
			.andExpect(content().string(containsString("Lea el acuerdo")));
	}

	@Test
	void aKeyClauseIsFoundWhereItsWordBeginsNotInsideAnotherWord() throws Exception {
		byte[] addendum = MoaFiles.text("ICE will make an eligibility determination on each candidate.",
				"This addendum costs the county nothing.", "Either party may terminate this addendum.");
		long id = this.library.attachTo(TrackerFixture.GASTON, "JEM", "ADDENDUM", "gaston-addendum.pdf", addendum,
				"test");
		List<MoaViews.ClauseHit> found = this.library.forAgency(TrackerFixture.GASTON)
			.clauses()
			.stream()
			.filter((c) -> c.hit().documentId() == id)
			.toList();
		assertThat(found).extracting(MoaViews.ClauseHit::clause).containsExactly(Clause.COSTS, Clause.TERMINATE);
		assertThat(found).extracting((c) -> c.hit().page()).containsExactly(2, 3);
	}

	@Test
	void ourCopyIsServedAsAPdf() throws Exception {
		byte[] served = this.mvc.perform(get("/moa/documents/" + this.document))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/pdf"))
			.andExpect(header().string("Content-Disposition", containsString("inline")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(served).isEqualTo(this.pdf);
		this.mvc.perform(get("/moa/documents/999999999")).andExpect(status().isNotFound());
		this.mvc.perform(get("/moa/documents/x' or 1=1")).andExpect(status().isNotFound());
	}

	@Test
	void staffAttachARealMoaAndItsPagesAreSearchable() throws Exception {
		byte[] henderson = Files.readAllBytes(MoaFiles.real(MoaFiles.HENDERSON));
		this.mvc
			.perform(multipart("/admin/moa/upload")
				.file(new MockMultipartFile("file", "henderson.pdf", "application/pdf", henderson))
				.param("agency", TrackerFixture.GASTON)
				.param("model", "WSO")
				.param("kind", "MOA")
				.with(Staff.admin())
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/api/v1/moa/search?q=no more than 48 hours"))
			.andExpect(jsonPath("$[?(@.model == 'WSO')].page").value(org.hamcrest.Matchers.contains(8)));
		this.mvc.perform(get("/api/v1/moa/search?q=immigration detainers"))
			.andExpect(jsonPath("$[?(@.model == 'WSO')].page").value(org.hamcrest.Matchers.hasItem(9)));
		assertThat(this.jdbc.sql("select count(*) from audit_log where action = 'moa.attach'")
			.query(Integer.class)
			.single()).isPositive();
	}

	@Test
	void aFileThatIsNotAPdfIsRefusedAndNothingIsStored() throws Exception {
		this.mvc
			.perform(multipart("/admin/moa/upload")
				.file(new MockMultipartFile("file", "moa.pdf", "application/pdf", "<html>hi</html>".getBytes()))
				.param("agency", TrackerFixture.GASTON)
				.param("model", "WSO")
				.with(Staff.admin())
				.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("This file is not a PDF.")));
		this.mvc
			.perform(multipart("/admin/moa/upload")
				.file(new MockMultipartFile("file", "moa.pdf", "application/pdf", MoaFiles.encrypted()))
				.param("agency", TrackerFixture.GASTON)
				.param("model", "WSO")
				.param("lang", "es")
				.with(Staff.admin())
				.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("protegido con contraseña")));
		this.mvc
			.perform(multipart("/admin/moa/upload")
				.file(new MockMultipartFile("file", "moa.pdf", "application/pdf", this.pdf))
				.param("agency", "no-such-agency")
				.param("model", "JEM")
				.with(Staff.admin())
				.with(csrf()))
			.andExpect(status().isUnprocessableContent());
		assertThat(this.jdbc.sql("select count(*) from moa_document").query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void uploadsNeedStaffAndCsrf() throws Exception {
		MockMultipartFile file = new MockMultipartFile("file", "moa.pdf", "application/pdf", this.pdf);
		this.mvc
			.perform(multipart("/admin/moa/upload").file(file)
				.param("agency", TrackerFixture.GASTON)
				.param("model", "WSO")
				.with(Staff.admin()))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(multipart("/admin/moa/upload").file(file)
				.param("agency", TrackerFixture.GASTON)
				.param("model", "WSO")
				.with(csrf()))
			.andExpect(status().is(not(200)));
		assertThat(this.jdbc.sql("select count(*) from moa_document").query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void theStaffPageAndTheFooterLinkTheLibrary() throws Exception {
		this.mvc.perform(get("/admin/moa").with(Staff.admin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Attach the PDF")));
		this.mvc.perform(get("/")).andExpect(content().string(containsString("href=\"/moa\"")));
	}

}
