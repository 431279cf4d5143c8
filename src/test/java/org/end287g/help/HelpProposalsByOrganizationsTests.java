package org.end287g.help;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import org.end287g.Staff;
import org.end287g.accounts.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An organiser of an organisation in the coalition directory proposes a help entry in its
 * name, staff see which organisation proposed it, and every change staff make to the
 * directory (add, edit, approve, reject, delete, import) leaves an audit entry naming the
 * account, never a visitor.
 */
@SpringBootTest(properties = { "end287g.rate-limits.help-propose.per-address=4" })
@AutoConfigureMockMvc
class HelpProposalsByOrganizationsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestAccounts accounts;

	long organization;

	long other;

	RequestPostProcessor organizer;

	@BeforeEach
	void organizationWithAnOrganizer() {
		this.jdbc.sql("delete from help_entries").update();
		this.jdbc.sql("delete from rate_buckets").update();
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		this.organization = this.accounts.organization("Carolina Accompaniment " + suffix);
		this.other = this.accounts.organization("Someone Else's Group " + suffix);
		this.jdbc.sql("""
				insert into organization_pages (organization_id, website, verified_at, verified_how, updated_at,
				updated_by) values (?, 'https://accompany.example.org', ?, 'STAFF', ?, 'test')""")
			.params(this.organization, OffsetDateTime.now(ZoneOffset.UTC), OffsetDateTime.now(ZoneOffset.UTC))
			.update();
		String account = this.accounts.organizer("organizer-" + suffix + "@example.org", "Olga Organizer",
				this.organization);
		this.organizer = user(account).roles("ORGANIZER");
	}

	@Test
	void anOrganizerProposesForTheirOrganizationAndStaffSeeWhoProposedIt() throws Exception {
		String name = name(this.organization);
		// the organiser's page links the form, which starts from the organisation's facts
		assertThat(html(get("/organizer/organizations/" + this.organization + "/page").with(this.organizer), 200))
			.contains("href=\"/organizer/organizations/" + this.organization + "/help/propose\"")
			.contains("Propose a help entry");
		assertThat(
				html(get("/organizer/organizations/" + this.organization + "/help/propose").with(this.organizer), 200))
			.contains("Propose a help entry for " + escaped(name))
			.contains("value=\"" + escaped(name) + "\"")
			.contains("value=\"https://accompany.example.org\"");
		assertThat(html(get("/organizer/organizations/" + this.organization + "/help/propose").with(this.organizer)
			.header("Accept-Language", "es"), 200)).contains("Proponer una entrada de ayuda de");

		this.mvc.perform(proposal(this.organization, entry(name)).with(this.organizer))
			.andExpect(redirectedUrl("/organizer/organizations/" + this.organization + "/page"));
		long id = id(name);
		assertThat(
				this.jdbc.sql("select proposed_by from help_entries where id = ?").param(id).query(Long.class).single())
			.isEqualTo(this.organization);
		assertThat(
				this.jdbc.sql("select approved from help_entries where id = ?").param(id).query(Boolean.class).single())
			.isFalse();
		assertThat(audited("help.entry.propose", id)).isOne();

		// staff see the organisation, verified, with its public page
		String slugStart = "/organisations/" + this.organization + "-";
		assertThat(html(get("/admin/help").with(Staff.admin()), 200)).contains("Proposed by")
			.contains("href=\"" + slugStart)
			.contains(">verified<");
		assertThat(html(get("/admin/help/" + id).with(Staff.admin()), 200)).contains("Proposed by")
			.contains("href=\"" + slugStart)
			.contains(">verified<");
		this.jdbc.sql("update organization_pages set verified_at = null, verified_how = null where organization_id = ?")
			.param(this.organization)
			.update();
		assertThat(html(get("/admin/help/" + id).with(Staff.admin()).header("Accept-Language", "es"), 200))
			.contains("Propuesta por")
			.contains(">sin verificar<");
	}

	@Test
	void noOneProposesInTheNameOfAnOrganizationTheyDoNotOrganize() throws Exception {
		for (String id : new String[] { Long.toString(this.other), "999999999", "abc", "-1" }) {
			this.mvc.perform(get("/organizer/organizations/" + id + "/help/propose").with(this.organizer))
				.andExpect(status().isNotFound());
			this.mvc.perform(proposal(id, entry("Stolen Name " + id)).with(this.organizer))
				.andExpect(status().isNotFound());
		}
		// not signed in: to the sign-in page; an organiser of nothing, or an admin
		// without a
		// passkey: refused
		this.mvc.perform(proposal(this.organization, entry("Anonymous Name"))).andExpect(status().is3xxRedirection());
		this.mvc.perform(proposal(this.organization, entry("Organizer Of Nothing")).with(Staff.organizer()))
			.andExpect(status().isNotFound());
		this.mvc.perform(proposal(this.organization, entry("Admin By Link")).with(Staff.adminWithoutPasskey()))
			.andExpect((result) -> assertThat(result.getResponse().getStatus()).isIn(403, 404));
		assertThat(count()).isZero();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			empty   | name     |                                   | en | Enter the name of the organization.
			huge    | name     | xxxxxxxxxx                        | en | at most 200 characters
			hostile | name     | <script>alert(1)</script>         | es | ni signos
			formula | name     | =HYPERLINK("http://evil.example") | en | no = + - @ at the start
			bad     | website  | javascript:alert(1)               | en | starting with https:// or http://
			bad     | counties | Mecklenburg                       | es | FIPS
			bad     | phone    | call us                           | en | Enter a phone number
			""")
	void badProposalsAreRefusedInTheirLanguageAndNothingIsStored(String kind, String field, String value,
			String language, String message) throws Exception {
		Map<String, String> form = entry("Refused Entry");
		form.put(field, ("huge".equals(kind)) ? "x".repeat(201) : ((value != null) ? value : ""));
		String page = html(proposal(this.organization, form).with(this.organizer).header("Accept-Language", language),
				400);
		assertThat(page).contains(escaped(message));
		assertThat(count()).isZero();
		assertThat(this.jdbc.sql("select count(*) from audit_log where action = 'help.entry.propose' and details = ?")
			.param("organization:" + this.organization)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aDuplicateProposalIsRefusedAndNothingMoreIsStored() throws Exception {
		this.mvc.perform(proposal(this.organization, entry("Charlotte Bond Fund")).with(this.organizer))
			.andExpect(status().is3xxRedirection());
		assertThat(html(proposal(this.organization, entry("charlotte bond-fund")).with(this.organizer), 400))
			.contains("is already in the directory");
		assertThat(count()).isOne();
	}

	@Test
	void everyStaffChangeLeavesAnAuditEntryAndAnAnonymousProposalNamesNoOne() throws Exception {
		String staff = UUID.randomUUID().toString();
		RequestPostProcessor admin = Staff.admin(staff);
		// add
		this.mvc.perform(form("/admin/help", entry("Audited Entry")).with(admin))
			.andExpect(status().is3xxRedirection());
		long added = id("Audited Entry");
		assertThat(audit("help.entry.create", added)).isEqualTo(staff);
		// edit: the names of the changed fields, not their values
		Map<String, String> changed = entry("Audited Entry");
		changed.put("phone", "(704) 555-0199");
		this.mvc.perform(form("/admin/help/" + added, changed).with(admin)).andExpect(status().is3xxRedirection());
		assertThat(audit("help.entry.update", added)).isEqualTo(staff);
		assertThat(details("help.entry.update", added)).isEqualTo("phone").doesNotContain("555");
		// an anonymous proposal: no audit entry, nothing of its visitor
		this.mvc.perform(form("/help/propose", entry("Anonymous Proposal")).with((request) -> {
			request.setRemoteAddr("203.0.113.77");
			return request;
		})).andExpect(redirectedUrl("/help/propose/sent"));
		long proposed = id("Anonymous Proposal");
		assertThat(audited(null, proposed)).isZero();
		assertThat(this.jdbc
			.sql("select count(*) from audit_log where details like '%203.0.113.77%' "
					+ "or subject like '%203.0.113.77%'")
			.query(Long.class)
			.single()).isZero();
		// approve
		this.mvc.perform(post("/admin/help/" + proposed + "/approve").with(csrf()).with(admin))
			.andExpect(redirectedUrl("/admin/help"));
		assertThat(audit("help.entry.approve", proposed)).isEqualTo(staff);
		// reject a proposal
		this.mvc.perform(form("/help/propose", entry("Rejected Proposal"))).andExpect(status().is3xxRedirection());
		long rejected = id("Rejected Proposal");
		this.mvc.perform(post("/admin/help/" + rejected + "/delete").with(csrf()).with(admin))
			.andExpect(redirectedUrl("/admin/help"));
		assertThat(audit("help.entry.reject", rejected)).isEqualTo(staff);
		// delete a public entry
		this.mvc.perform(post("/admin/help/" + added + "/delete").with(csrf()).with(admin))
			.andExpect(redirectedUrl("/admin/help"));
		assertThat(audit("help.entry.delete", added)).isEqualTo(staff);
		// import: one entry for the file; a dry run and a refused file leave none
		String file = HelpTests.HEADER + "Imported One,BOND_HELP,en,FREE,37119,,,,,,,,\n"
				+ "Imported Two,ACCOMPANIMENT,es,FREE,37119,,,,,,,,\n";
		this.mvc.perform(post("/admin/help/import").param("text", file).with(csrf()).with(admin))
			.andExpect(status().isOk());
		this.mvc
			.perform(
					post("/admin/help/import").param("text", HelpTests.HEADER + "<b>,BOND_HELP,en,FREE,37119,,,,,,,,\n")
						.param("store", "1")
						.with(csrf())
						.with(admin))
			.andExpect(status().isBadRequest());
		assertThat(this.jdbc.sql("select count(*) from audit_log where action = 'help.entry.import' and actor = ?")
			.param(staff)
			.query(Long.class)
			.single()).isZero();
		this.mvc.perform(post("/admin/help/import").param("text", file).param("store", "1").with(csrf()).with(admin))
			.andExpect(status().isOk());
		assertThat(this.jdbc.sql("select details from audit_log where action = 'help.entry.import' and actor = ?")
			.param(staff)
			.query(String.class)
			.single()).startsWith("2 entries, ids " + id("Imported One"));
	}

	private String audit(String action, long id) {
		return this.jdbc.sql("select actor from audit_log where action = ? and subject = ?")
			.params(action, "help-entry:" + id)
			.query(String.class)
			.single();
	}

	private String details(String action, long id) {
		return this.jdbc.sql("select details from audit_log where action = ? and subject = ?")
			.params(action, "help-entry:" + id)
			.query(String.class)
			.single();
	}

	private long audited(String action, long id) {
		return this.jdbc
			.sql("select count(*) from audit_log where subject = ?" + ((action != null) ? " and action = ?" : ""))
			.params((action != null) ? new Object[] { "help-entry:" + id, action }
					: new Object[] { "help-entry:" + id })
			.query(Long.class)
			.single();
	}

	private String name(long organization) {
		return this.jdbc.sql("select name from organizations where id = ?")
			.param(organization)
			.query(String.class)
			.single();
	}

	private MockHttpServletRequestBuilder proposal(Object organization, Map<String, String> form) {
		return form("/organizer/organizations/" + organization + "/help/propose", form);
	}

	private static MockHttpServletRequestBuilder form(String path, Map<String, String> form) {
		MockHttpServletRequestBuilder request = post(path);
		form.forEach(request::param);
		return request.with(csrf());
	}

	private String html(MockHttpServletRequestBuilder request, int status) throws Exception {
		return this.mvc.perform(request)
			.andExpect(status().is(status))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	/** An organisation's proposal: no date checked, which is staff's to give. */
	private static Map<String, String> entry(String name) {
		Map<String, String> form = HelpTests.entry(name);
		form.put("kind", "ACCOMPANIMENT");
		form.put("website", "https://accompany.example.org");
		form.put("lastChecked", "");
		return form;
	}

	private static String escaped(String message) {
		return message.replace("&", "&amp;")
			.replace("<", "&lt;")
			.replace(">", "&gt;")
			.replace("\"", "&quot;")
			.replace("'", "&#39;");
	}

	private long count() {
		return this.jdbc.sql("select count(*) from help_entries").query(Long.class).single();
	}

	private long id(String name) {
		return this.jdbc.sql("select id from help_entries where name = ?").param(name).query(Long.class).single();
	}

}
