package org.end287g.tracker.importing;

import java.nio.file.Path;
import java.util.UUID;

import org.end287g.Staff;
import org.end287g.tracker.IceSheets;
import org.end287g.tracker.ImportResult.Status;
import org.end287g.tracker.SheetSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Staff accept or reject the sheets the guard held, on the import page. */
@SpringBootTest
@AutoConfigureMockMvc
class HeldSheetsPageTests {

	private static final String HELD = "participatingAgencies05082025am.xlsx";

	@Autowired
	MockMvc mvc;

	@Autowired
	IceSheets sheets;

	@Autowired
	SheetStore store;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path temp;

	long heldId;

	@BeforeEach
	void holdASheet() throws Exception {
		this.store.deleteAll();
		importSheet(GuardSheets.participating(1, 60), "participatingAgencies05012025am.xlsx");
		assertThat(importSheet(GuardSheets.participating(1, 20), HELD)).isEqualTo(Status.HELD);
		// published after the held one, applied normally
		assertThat(importSheet(GuardSheets.participating(1, 61), "participatingAgencies05152025am.xlsx"))
			.isEqualTo(Status.ACCEPTED);
		this.heldId = this.store.held().get(0).id();
	}

	@Test
	void aLongHistoryIsListedFiftySheetsAPageNewestFirst() throws Exception {
		for (int day = 1; day <= 60; day++) {
			String name = "refused-sheet-" + day + ".xlsx";
			this.store.insert(
					SheetFileName
						.parse(String.format("pendingAgencies%02d%02d2026am.xlsx", 1 + day / 28, 1 + day % 28)),
					name, UUID.randomUUID().toString(), 0, SheetSource.UPLOAD, "test");
		}
		// 63 sheets: the newest 50, then 13
		String first = this.mvc.perform(get("/admin/import").with(Staff.admin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Page 1 of 2")))
			.andExpect(content().string(containsString("/admin/import?page=2")))
			.andExpect(content().string(not(containsString("participatingAgencies05012025am.xlsx"))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(first.split("<td><code>", -1)).hasSize(51);
		this.mvc.perform(get("/admin/import?page=2").with(Staff.admin()).header("Accept-Language", "es"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Página 2 de 2")))
			.andExpect(content().string(containsString("Hojas más recientes")))
			.andExpect(content().string(containsString("participatingAgencies05012025am.xlsx")));
		// a page past the end, or not a number, shows a page that exists
		for (String page : new String[] { "99", "-1", "x", "9999999999", "" }) {
			this.mvc.perform(get("/admin/import").param("page", page).with(Staff.admin()))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("of 2")));
		}
	}

	@Test
	void thePageListsTheHeldSheetWithItsReasonDiffAndButtonsInBothLanguages() throws Exception {
		this.mvc.perform(get("/admin/import").with(Staff.admin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Sheets held for a decision")))
			.andExpect(content().string(containsString("Agencies vanished to nowhere")))
			.andExpect(content().string(containsString("The 40 agencies gone to nowhere")))
			.andExpect(content().string(containsString("Town 21 Police Department")))
			.andExpect(content().string(containsString("/admin/import/held/" + this.heldId + "/accept")))
			.andExpect(content().string(containsString("Accept " + HELD)))
			.andExpect(content().string(containsString("Reject " + HELD)))
			.andExpect(content().string(containsString("name=\"_csrf\"")));
		this.mvc.perform(get("/admin/import").with(Staff.admin()).header("Accept-Language", "es"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Hojas retenidas para una decisión")))
			.andExpect(content().string(containsString("Aceptar " + HELD)));
	}

	@Test
	void acceptingAppliesTheSheetInItsPlaceAndIsAudited() throws Exception {
		String account = UUID.randomUUID().toString();
		this.mvc.perform(post("/admin/import/held/{id}/accept", this.heldId).with(Staff.admin(account)))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/admin/import/held/{id}/accept", this.heldId).with(Staff.organizer()).with(csrf()))
			.andExpect(status().isForbidden());
		assertThat(this.store.heldCount()).isOne();
		this.mvc.perform(post("/admin/import/held/{id}/accept", this.heldId).with(Staff.admin(account)).with(csrf()))
			.andExpect(redirectedUrl("/admin/import?held=accepted"));
		assertThat(this.store.heldCount()).isZero();
		SheetSnapshot accepted = this.store.find(this.heldId).orElseThrow();
		assertThat(accepted.accepted()).isTrue();
		assertThat(accepted.acceptedByStaff()).isTrue();
		assertThat(accepted.listedCount()).isEqualTo(20);
		// in its place: towns 21..60 were removed on 05/08 and listed again on 05/15
		assertThat(ImporterTestSupport.count(this.jdbc,
				"select count(*) from agreement_event where kind = 'REMOVED' and sheet_id = " + this.heldId))
			.isEqualTo(40);
		assertThat(ImporterTestSupport.count(this.jdbc, "select count(*) from agreement where status = 'ACTIVE'"))
			.isEqualTo(61);
		assertThat(audit(account, "import.held.accept")).isOne();
		this.mvc.perform(get("/admin/import?held=accepted").with(Staff.admin()))
			.andExpect(content().string(containsString("accepted and applied in its place")))
			.andExpect(content().string(not(containsString("Sheets held for a decision"))));
		// a second decision finds nothing held
		this.mvc.perform(post("/admin/import/held/{id}/reject", this.heldId).with(Staff.admin(account)).with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("not held any more")));
	}

	@Test
	void rejectingMarksItAndAppliesNothing() throws Exception {
		String account = UUID.randomUUID().toString();
		java.util.List<String> agreements = ImporterTestSupport.agreements(this.jdbc);
		this.mvc.perform(post("/admin/import/held/{id}/reject", this.heldId).with(Staff.admin(account)).with(csrf()))
			.andExpect(redirectedUrl("/admin/import?held=rejected"));
		SheetSnapshot rejected = this.store.find(this.heldId).orElseThrow();
		assertThat(rejected.accepted()).isFalse();
		assertThat(rejected.rejectedByStaff()).isTrue();
		assertThat(this.store.heldContent(this.heldId)).isEmpty();
		assertThat(ImporterTestSupport.agreements(this.jdbc)).isEqualTo(agreements);
		assertThat(audit(account, "import.held.reject")).isOne();
		this.mvc.perform(get("/admin/import").with(Staff.admin()).header("Accept-Language", "es"))
			.andExpect(content().string(containsString("Rechazada por el personal tras ser retenida")));
		this.mvc.perform(post("/admin/import/held/{id}/accept", this.heldId).with(Staff.admin(account)).with(csrf()))
			.andExpect(status().isConflict());
		assertThat(this.store.find(this.heldId).orElseThrow().accepted()).isFalse();
	}

	@Test
	void hostileSheetNumbersFindNothingHeld() throws Exception {
		for (String id : new String[] { "abc", "-1", "0", "99999999999999999999", "1e3", "+1", "0x10",
				String.valueOf(this.heldId + 1000) }) {
			this.mvc.perform(post("/admin/import/held/{id}/accept", id).with(Staff.admin()).with(csrf()))
				.andExpect(status().isConflict())
				.andExpect(content().string(containsString("not held any more")));
		}
		// the server's firewall refuses some addresses before the page sees them
		this.mvc.perform(post("/admin/import/held/1%20or%201=1/accept").with(Staff.admin()).with(csrf()))
			.andExpect(status().is4xxClientError());
		assertThat(this.store.heldCount()).isOne();
	}

	private long audit(String actor, String action) {
		return this.jdbc.sql("select count(*) from audit_log where actor = ? and action = ? and subject = ?")
			.params(actor, action, "ice_sheet:" + this.heldId)
			.query(Long.class)
			.single();
	}

	private Status importSheet(TestWorkbook book, String name) throws Exception {
		return this.sheets.importSheet(book.write(this.temp, name), name, SheetSource.COMMAND).status();
	}

}
