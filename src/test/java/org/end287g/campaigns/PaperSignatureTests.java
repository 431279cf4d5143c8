package org.end287g.campaigns;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.end287g.Staff;
import org.end287g.accounts.AccountDirectory;
import org.end287g.accounts.TestAccounts;
import org.end287g.site.AccessibleHtml;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Paper signatures entered by a campaign's leader, one by one or from a CSV file: only
 * for the campaign's leaders and national staff, counted at once, all or nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PaperSignatureTests extends SigningTestBase {

	static final String API = "/api/v1/campaigns/nc-gaston-county-sheriffs-office";

	static final String HEADER = "first,last,zip,email,comment\r\n";

	@Autowired
	AccountDirectory directory;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TransactionTemplate transactions;

	long gaston;

	String paper;

	String leaderId;

	@BeforeEach
	void fixture() {
		this.gaston = this.fixture.gaston();
		this.paper = "/leader/campaigns/" + this.gaston + "/paper";
		this.leaderId = this.transactions.execute((status) -> this.directory
			.appointLeader("test-admin", SignatureFixture.newEmail(), "Lena", "en", this.gaston)
			.orElseThrow());
	}

	RequestPostProcessor leader() {
		return user(this.leaderId).roles("LEADER");
	}

	String html(ResultActions actions) throws Exception {
		return actions.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	MockHttpServletRequestBuilder entry(Map<String, String> fields) {
		MockHttpServletRequestBuilder request = post(this.paper).with(leader()).with(csrf());
		fields.forEach(request::param);
		return request;
	}

	ResultActions upload(String csv) throws Exception {
		return upload(csv.getBytes(StandardCharsets.UTF_8), "en");
	}

	ResultActions upload(byte[] csv, String lang) throws Exception {
		return this.mvc
			.perform(multipart(this.paper + "/import").file(new MockMultipartFile("file", "paper.csv", "text/csv", csv))
				.param("lang", lang)
				.with(leader())
				.with(csrf()));
	}

	long audits(String action) {
		return this.jdbc.sql("select count(*) from audit_log where action = ? and actor = ? and subject = ?")
			.params(action, this.leaderId, Long.toString(this.gaston))
			.query(Long.class)
			.single();
	}

	@Test
	void onlyTheCampaignsLeadersAndAdminsReachThePage() throws Exception {
		String page = html(this.mvc.perform(get(this.paper).with(leader())).andExpect(status().isOk()));
		assertThat(page).contains("Paper signatures: Gaston County Sheriff", "name=\"firstName\"",
				"enctype=\"multipart/form-data\"", "first,last,zip,email,comment", "0 of 200 signatures");
		assertThat(AccessibleHtml.problems(page)).isEmpty();
		assertThat(html(this.mvc.perform(get(this.paper + "?lang=es").with(leader())))).contains("Firmas en papel",
				"Importar un archivo CSV");

		long mecklenburg = this.jdbc
			.sql("select id from campaigns where slug = 'nc-mecklenburg-county-sheriffs-office'")
			.query(Long.class)
			.single();
		for (String other : new String[] { "/leader/campaigns/" + mecklenburg + "/paper",
				"/leader/campaigns/999999/paper", "/leader/campaigns/x'%20OR%201=1/paper" }) {
			this.mvc.perform(get(java.net.URI.create(other)).with(leader())).andExpect(status().isNotFound());
		}
		this.mvc
			.perform(post("/leader/campaigns/" + mecklenburg + "/paper").with(leader())
				.with(csrf())
				.param("firstName", "Ana")
				.param("lastName", "Gómez")
				.param("zip", "28052"))
			.andExpect(status().isNotFound());
		this.mvc.perform(multipart("/leader/campaigns/" + mecklenburg + "/paper/import")
			.file(new MockMultipartFile("file", "p.csv", "text/csv",
					(HEADER + "Ana,Gómez,28052,,\r\n").getBytes(StandardCharsets.UTF_8)))
			.with(leader())
			.with(csrf())).andExpect(status().isNotFound());
		// signed in without a grant, or not signed in at all
		this.mvc.perform(get(this.paper).with(user(java.util.UUID.randomUUID().toString())))
			.andExpect(status().isNotFound());
		this.mvc.perform(get(this.paper)).andExpect(status().is3xxRedirection());
		assertThat(this.fixture.rows()).isZero();

		String adminId = this.transactions
			.execute((status) -> this.accounts.admin(SignatureFixture.newEmail(), "Adam"));
		this.mvc.perform(get(this.paper).with(Staff.admin(adminId))).andExpect(status().isOk());
		// not when signed in by link only
		this.mvc.perform(get(this.paper).with(Staff.adminWithoutPasskey(adminId))).andExpect(status().isForbidden());
		this.mvc
			.perform(post(this.paper).with(Staff.adminWithoutPasskey(adminId))
				.with(csrf())
				.param("firstName", "Ana")
				.param("lastName", "Gómez")
				.param("zip", "28052"))
			.andExpect(status().isForbidden());
		assertThat(this.fixture.rows()).isZero();
	}

	@Test
	void oneByOneEachCountsAtOnceAndAnAddressOnlyOnce() throws Exception {
		this.mvc
			.perform(entry(Map.of("firstName", "Rosa", "lastName", "Díaz", "zip", "28052", "email",
					"Rosa.Diaz+paper@Gmail.com", "comment", "Firmé en la feria")))
			.andExpect(status().isSeeOther())
			.andExpect(redirectedUrl(this.paper + "?added=1"));
		Map<String, Object> row = this.jdbc.sql("select * from signatures").query().singleRow();
		assertThat(row.get("source")).isEqualTo("PAPER");
		assertThat(row.get("entered_by")).isEqualTo(this.leaderId);
		assertThat(row.get("confirmed_at")).isNotNull();
		assertThat(row).doesNotContainKey("city");
		assertThat(row.get("supporter_key")).isNotNull();
		this.mvc.perform(get(API)).andExpect(jsonPath("$.signatures").value(1));
		assertThat(html(this.mvc.perform(get(this.paper + "?added=1").with(leader()))))
			.contains("The signature was added.", "1 of 200 signatures");

		// the same person online: already signed
		this.fixture.sign(SignatureFixture.form("rosadiaz@gmail.com"));
		this.mvc
			.perform(entry(Map.of("firstName", "Rosa", "lastName", "Díaz", "zip", "28052", "email",
					"rosadiaz@googlemail.com")))
			.andExpect(redirectedUrl(this.paper + "?duplicate=1"));
		// without an address, two people of the same name are two signatures
		for (int i = 0; i < 2; i++) {
			this.mvc.perform(entry(Map.of("firstName", "Juan", "lastName", "Pérez", "zip", "28052")))
				.andExpect(redirectedUrl(this.paper + "?added=1"));
		}
		assertThat(this.fixture.rows()).isEqualTo(3);
		this.mvc.perform(get(API)).andExpect(jsonPath("$.signatures").value(3));
		assertThat(audits("signatures.paper-entry")).isEqualTo(4);
	}

	@Test
	void badSingleEntriesAreTranslatedErrorsAndSaveNothing() throws Exception {
		String empty = html(this.mvc.perform(entry(Map.of())).andExpect(status().isBadRequest()));
		assertThat(empty).contains("Please enter your first name.", "Please enter your ZIP code.")
			.doesNotContain("Please enter your e-mail address.");
		assertThat(AccessibleHtml.problems(empty)).isEmpty();
		String[][] cases = { { "firstName", "x".repeat(10_000), "at most 80", "como máximo 80" },
				{ "lastName", "<script>alert(1)</script>", "only letters", "solo puede tener letras" },
				{ "firstName", "' OR 1=1 --", "only letters", "solo puede tener letras" },
				{ "lastName", "😀", "only letters", "solo puede tener letras" },
				{ "zip", "99999", "do not know this ZIP", "No conocemos" },
				{ "email", "not-an-address", "not a valid e-mail", "no es válido" },
				{ "comment", "x".repeat(10_000), "at most 1,000", "como máximo 1.000" } };
		for (String[] hostile : cases) {
			for (String lang : new String[] { "en", "es" }) {
				Map<String, String> fields = new java.util.HashMap<>(
						Map.of("firstName", "Ana", "lastName", "Gómez", "zip", "28052"));
				fields.put(hostile[0], hostile[1]);
				String html = html(
						this.mvc.perform(entry(fields).param("lang", lang)).andExpect(status().isBadRequest()));
				assertThat(html).as(hostile[0]).contains(lang.equals("en") ? hostile[2] : hostile[3]);
				assertThat(html).doesNotContain("<script>alert");
			}
		}
		this.mvc
			.perform(post(this.paper).with(leader())
				.param("firstName", "Ana")
				.param("lastName", "Gómez")
				.param("zip", "28052"))
			.andExpect(status().isForbidden());
		assertThat(this.fixture.rows()).isZero();
	}

	@Test
	void aFileIsImportedWholeWithFormulasKeptAsTextAndDuplicatesReported() throws Exception {
		this.fixture.sign(SignatureFixture.form("online@example.org"));
		String csv = HEADER
				+ "Ana,Gómez,28052,ana@example.org,\"=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"\r\n"
				+ "مريم,Haddad,28052,,\"Dos líneas,\r\ncon coma 😀\"\r\n" + "Luis,Ortiz,28052,ANA@example.org,\r\n"
				+ "\r\n" + "Eva,Ruiz,28052,online@example.org,+1 -2 @x\r\n" + "Noé,Paz,28052,,";
		String html = html(upload(csv).andExpect(status().isOk()));
		assertThat(html).contains("Signatures added: 3.",
				"Lines skipped because that e-mail address had already signed: 5, 7", "3 of 200 signatures");
		assertThat(AccessibleHtml.problems(html)).isEmpty();
		this.mvc.perform(get(API)).andExpect(jsonPath("$.signatures").value(3));
		assertThat(this.jdbc.sql("select comment_sealed from signatures where source = 'PAPER' order by id")
			.query((rs, n) -> this.cipher.open(rs.getBytes(1), "signatures.comment"))
			.list()).containsExactly("=HYPERLINK(\"http://evil.example\",\"x\")", "Dos líneas,\ncon coma 😀", null);
		assertThat(this.fixture.rows()).isEqualTo(4);
		assertThat(audits("signatures.paper-import")).isEqualTo(1);
	}

	@Test
	void aFileWithAnyBadRowSavesNothingAndNamesTheLines() throws Exception {
		String csv = HEADER + "Ana,Gómez,28052,,\r\n" + "Bad,Zip,00000,,\r\n" + "Ok,Row,28052,,\r\n"
				+ "<script>alert(1)</script>,X,28052,,\r\n" + "' OR 1=1 --,Y,28052,bad-address,\r\n"
				+ "Too,Many,28052,,,extra\r\n";
		String html = html(upload(csv).andExpect(status().isBadRequest()));
		assertThat(html)
			.contains("Nothing was saved", "Line 3: We do not know this ZIP code",
					"Line 5: Your first name can contain only letters", "Line 6: Your first name",
					"Line 6: This is not a valid e-mail address",
					"Line 7: this line does not have the columns of the first line")
			.doesNotContain("<script>alert");
		assertThat(AccessibleHtml.problems(html)).isEmpty();
		String spanish = html(upload(csv.getBytes(StandardCharsets.UTF_8), "es").andExpect(status().isBadRequest()));
		assertThat(spanish).contains("No se guardó nada", "Línea 3: No conocemos este código postal");
		assertThat(this.fixture.rows()).isZero();
		assertThat(audits("signatures.paper-import")).isZero();
	}

	@Test
	void theUpdatesBoxOfAPrintedSheetIsTypedBackOneByOneAndFromAFile() throws Exception {
		this.mvc
			.perform(entry(Map.of("firstName", "Rosa", "lastName", "Díaz", "zip", "28052", "email", "rosa@example.org",
					"campaignUpdates", "true")))
			.andExpect(redirectedUrl(this.paper + "?added=1"));
		this.mvc
			.perform(entry(
					Map.of("firstName", "Juan", "lastName", "Pérez", "zip", "28052", "email", "juan@example.org")))
			.andExpect(redirectedUrl(this.paper + "?added=1"));
		String bad = "first,last,zip,email,comment,updates\r\n" + "Ana,Gómez,28052,ana@example.org,,maybe\r\n";
		assertThat(html(upload(bad).andExpect(status().isBadRequest())))
			.contains("Line 2: the updates column must be empty or say x, yes or no.");
		assertThat(html(upload(bad.getBytes(StandardCharsets.UTF_8), "es").andExpect(status().isBadRequest())))
			.contains("Línea 2: la columna updates debe quedar vacía");
		assertThat(this.fixture.rows()).isEqualTo(2);
		String csv = "First,Last,ZIP,Email,Comment,Updates\r\n" + "Ana,Gómez,28052,ana@example.org,,x\r\n"
				+ "Eva,Ruiz,28052,eva@example.org,,\r\n" + "Noé,Paz,28052,noe@example.org,,No\r\n"
				+ "Luz,Mora,28052,luz@example.org,,Sí\r\n" + "Iris,Vega,28052,iris@example.org,sin casilla\r\n";
		assertThat(html(upload(csv).andExpect(status().isOk()))).contains("Signatures added: 5.");
		assertThat(this.jdbc.sql("select campaign_updates from signatures where source = 'PAPER' order by id")
			.query(Boolean.class)
			.list()).containsExactly(true, false, true, false, false, true, false);
	}

	@Test
	void malformedFilesAreRefusedWhole() throws Exception {
		String[][] cases = { { "", "The file is empty." }, { "\ufeff  \r\n", "The file is empty." },
				{ "name,zip\r\nAna,28052\r\n", "The first line must be exactly" },
				{ "Ana,Gómez,28052,,\r\n", "The first line must be exactly" },
				{ HEADER, "The file has a header but no signatures." },
				{ HEADER + "Ana,Gómez,28052,,\"never closed\r\nBeto,Ruiz,28052,,\r\n",
						"Line 2: a quotation mark is not closed" },
				{ HEADER + "Ana,Gó\"mez,28052,,\r\n", "Line 2: a quotation mark" },
				{ HEADER + "Ana,\"Gómez\"x,28052,,\r\n", "Line 2: a quotation mark" },
				{ HEADER + "Ana,Gómez,28052,,\r\n".repeat(5001), "more than 5,000 rows" } };
		for (String[] bad : cases) {
			assertThat(html(upload(bad[0]).andExpect(status().isBadRequest())))
				.as(bad[0].substring(0, Math.min(40, bad[0].length())))
				.contains(bad[1]);
		}
		byte[] latin1 = (HEADER + "José,Núñez,28052,,\r\n").getBytes(StandardCharsets.ISO_8859_1);
		assertThat(html(upload(latin1, "en").andExpect(status().isBadRequest()))).contains("not UTF-8 text");
		byte[] large = new byte[1024 * 1024 + 1];
		java.util.Arrays.fill(large, (byte) 'a');
		assertThat(html(upload(large, "es").andExpect(status().isBadRequest()))).contains("pesa más de 1 MB");
		this.mvc.perform(multipart(this.paper + "/import").with(leader()).with(csrf()))
			.andExpect(status().isBadRequest());
		this.mvc
			.perform(multipart(this.paper + "/import").file(new MockMultipartFile("file", "p.csv", "text/csv",
					(HEADER + "Ana,Gómez,28052,,\r\n").getBytes(StandardCharsets.UTF_8)))
				.with(leader()))
			.andExpect(status().isForbidden());
		assertThat(this.fixture.rows()).isZero();
	}

	@Test
	void paperSignaturesCanReachTheGoal() throws Exception {
		String leaderEmail = SignatureFixture.newEmail();
		this.transactions.executeWithoutResult(
				(status) -> this.directory.appointLeader("test-admin", leaderEmail, "Leo", "en", this.gaston));
		this.jdbc.sql("update campaigns set goal = 3 where id = ?").param(this.gaston).update();
		upload(HEADER + "A,B,28052,,\r\nC,D,28052,,\r\nE,F,28052,,\r\n").andExpect(status().isOk());
		this.mvc.perform(get(API))
			.andExpect(jsonPath("$.status").value("READY"))
			.andExpect(jsonPath("$.signatures").value(3));
		assertThat(this.fixture.mail.to(leaderEmail, "campaign-goal-reached")).hasSize(1);
	}

}
