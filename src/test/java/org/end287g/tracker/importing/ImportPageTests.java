package org.end287g.tracker.importing;

import java.nio.file.Files;
import java.nio.file.Path;

import org.end287g.Staff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class ImportPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	SheetStore store;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void empty() {
		this.store.deleteAll();
	}

	@Test
	void thePageNeedsAnAdminSignedInWithAPasskey() throws Exception {
		this.mvc.perform(get("/admin/import"))
			.andExpect(status().isFound())
			.andExpect(header().string("Location", endsWith("/sign-in")));
		this.mvc.perform(get("/admin/import").with(Staff.adminWithoutPasskey())).andExpect(status().isForbidden());
		this.mvc.perform(get("/admin/import").with(Staff.organizer())).andExpect(status().isForbidden());
	}

	@Test
	void thePageShowsALabelledFormInSpanish() throws Exception {
		this.mvc.perform(get("/admin/import").with(staff()).header("Accept-Language", "es"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<label for=\"file\">Hoja de ICE (.xlsx)</label>")))
			.andExpect(content().string(containsString("_csrf=")))
			.andExpect(content().string(containsString("Todavía no se ha importado ninguna hoja.")));
	}

	@Test
	void anUploadWithoutCsrfIsRefused() throws Exception {
		this.mvc.perform(multipart("/admin/import").file(xlsx("x".getBytes())).with(staff()))
			.andExpect(status().isForbidden());
	}

	@Test
	void aRealSheetIsImportedAndListed() throws Exception {
		Path sheet = SharedData.file("pendingAgencies06302025am.xlsx");
		this.mvc
			.perform(
					multipart("/admin/import")
						.file(new MockMultipartFile("file", "pendingAgencies06302025am.xlsx",
								"application/octet-stream", Files.readAllBytes(sheet)))
						.with(staff())
						.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Sheet imported")))
			.andExpect(content().string(containsString("Accepted: 68 rows, 68 agreements listed")))
			.andExpect(content().string(containsString("pendingAgencies06302025am.xlsx")));
		assertThat(this.jdbc.sql("select source from ice_sheet").query(String.class).single()).isEqualTo("UPLOAD");
	}

	@Test
	void anEmptyUploadGetsATranslatedMessageAndSavesNothing() throws Exception {
		this.mvc
			.perform(multipart("/admin/import").file(xlsx(new byte[0]))
				.with(staff())
				.with(csrf())
				.header("Accept-Language", "es"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("El archivo está vacío.")));
		assertThat(this.jdbc.sql("select count(*) from ice_sheet").query(Long.class).single()).isZero();
	}

	@Test
	void aFileThatIsNotAWorkbookGetsAClearMessage() throws Exception {
		this.mvc
			.perform(multipart("/admin/import").file(xlsx("<html>hello</html>".getBytes())).with(staff()).with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content()
				.string(containsString("This is not an Excel .xlsx workbook. Download the sheet from ICE&#39;s")))
			.andExpect(content().string(containsString("<title>Import ICE&#39;s 287(g) sheets</title>")));
		assertThat(this.jdbc.sql("select count(*) from ice_sheet").query(Long.class).single()).isZero();
	}

	private static MockMultipartFile xlsx(byte[] content) {
		return new MockMultipartFile("file", "participatingAgencies06272025am.xlsx", "application/octet-stream",
				content);
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor staff() {
		return Staff.admin();
	}

}
