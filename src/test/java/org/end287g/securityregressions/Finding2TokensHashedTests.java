package org.end287g.securityregressions;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import jakarta.servlet.http.Cookie;
import org.end287g.accounts.QueuedMail;
import org.end287g.accounts.SignedIn;
import org.end287g.accounts.TestAccounts;
import org.end287g.campaigns.TestCampaigns;
import org.end287g.privacy.BlindIndex;
import org.end287g.privacy.PersonalDataCipher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Finding 2 of the security review (issue 13): "One-time sign-in tokens are stored as
 * they are. With read access to the database only (a dump, a replica, a backup), anyone
 * can: request a link for a known address, {@code select token_value from
 * one_time_tokens}, open {@code /sign-in/link?token=...}, and be signed in; with item 1
 * that is every supporter's identity."
 * <p>
 * Replays it: {@code POST /sign-in} for a leader's address, then every value the
 * {@code one_time_tokens} row of that account holds, whatever its columns are called,
 * opened at {@code GET /sign-in/link?token=} and posted to {@code POST /login/ott}. Also
 * checks that a second request replaces the first link, so one account never has two live
 * tokens, and does the same with the other bearer secret the database holds, the session:
 * every value of a signed-in person's {@code spring_session} row, presented as the
 * session cookie on {@code GET /account}.
 */
@SpringBootTest
@AutoConfigureMockMvc
class Finding2TokensHashedTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PersonalDataCipher cipher;

	@Autowired
	BlindIndex index;

	@Autowired
	TestAccounts accounts;

	QueuedMail mail;

	@BeforeEach
	void mailbox() {
		this.mail = new QueuedMail(this.jdbc, this.cipher, this.index);
	}

	@Test
	void aCopyOfTheTokenTableSignsNoOneIn() throws Exception {
		String email = SignedIn.newEmail();
		String accountId = this.accounts.leader(email, "Leader of finding 2", TestCampaigns.id(this.jdbc, 1302));
		requestLink(email);
		String mailed = this.mail.last(email, "sign-in-link").token();

		List<String> stolen = valuesOfTheAccountsRows(accountId);
		assertThat(stolen).as("the account's row in one_time_tokens").isNotEmpty();
		assertThat(stolen).as("no column holds the mailed token").noneMatch((value) -> value.contains(mailed));
		for (String value : stolen) {
			this.mvc.perform(get("/sign-in/link").param("token", value)).andReturn();
			MockHttpServletResponse response = useToken(value);
			assertThat(response.getRedirectedUrl()).as("posting %s", value).isEqualTo("/sign-in?link=invalid");
			assertThat(response.getCookie(SignedIn.SESSION_COOKIE)).isNull();
		}

		// The mailed link still works, once.
		assertThat(useToken(mailed).getRedirectedUrl())
			.isEqualTo("/leader/campaigns/" + TestCampaigns.id(this.jdbc, 1302));
		assertThat(useToken(mailed).getRedirectedUrl()).isEqualTo("/sign-in?link=invalid");
	}

	@Test
	void aNewLinkReplacesTheOldOne() throws Exception {
		String email = SignedIn.newEmail();
		String accountId = this.accounts.leader(email, "Leader of finding 2", TestCampaigns.id(this.jdbc, 1302));
		requestLink(email);
		String first = this.mail.last(email, "sign-in-link").token();
		requestLink(email);
		String second = this.mail.last(email, "sign-in-link").token();
		assertThat(second).isNotEqualTo(first);

		assertThat(rowsOf(accountId)).as("live tokens of the account").isEqualTo(1);
		assertThat(useToken(first).getRedirectedUrl()).isEqualTo("/sign-in?link=invalid");
		assertThat(useToken(second).getRedirectedUrl())
			.isEqualTo("/leader/campaigns/" + TestCampaigns.id(this.jdbc, 1302));
		assertThat(rowsOf(accountId)).isZero();
	}

	/**
	 * The same for the other bearer secret the database holds for a signed-in person: the
	 * session. No value of the account's {@code spring_session} rows, presented as the
	 * session cookie, signs anyone in.
	 */
	@Test
	void aCopyOfTheSessionTableSignsNoOneIn() throws Exception {
		String email = SignedIn.newEmail();
		String accountId = this.accounts.leader(email, "Leader of finding 2", TestCampaigns.id(this.jdbc, 1302));
		requestLink(email);
		MockHttpServletResponse signIn = useToken(this.mail.last(email, "sign-in-link").token());
		Cookie session = signIn.getCookie(SignedIn.SESSION_COOKIE);
		assertThat(session).isNotNull();
		this.mvc.perform(get("/account").cookie(session)).andExpect(status().isOk());
		String secret = new String(Base64.getDecoder().decode(session.getValue()), StandardCharsets.UTF_8);

		List<String> stolen = this.jdbc.sql("SELECT * FROM spring_session WHERE principal_name = ?")
			.param(accountId)
			.query((rs, row) -> values(rs))
			.list()
			.stream()
			.flatMap(List::stream)
			.toList();
		assertThat(stolen).as("the account's session row").isNotEmpty();
		assertThat(stolen).as("no column holds the cookie's value").noneMatch((value) -> value.contains(secret));
		for (String value : stolen) {
			for (String presented : List.of(value,
					Base64.getEncoder().encodeToString(value.strip().getBytes(StandardCharsets.UTF_8)))) {
				this.mvc.perform(get("/account").cookie(new Cookie(SignedIn.SESSION_COOKIE, presented)))
					.andExpect(redirectedUrl("/sign-in"));
			}
		}
		this.mvc.perform(get("/account").cookie(session)).andExpect(status().isOk());
	}

	private void requestLink(String email) throws Exception {
		int before = this.mail.to(email, "sign-in-link").size();
		this.mvc.perform(post("/sign-in").param("email", email).with(csrf()).with(SignedIn.from(SignedIn.newAddress())))
			.andReturn();
		assertThat(this.mail.to(email, "sign-in-link")).hasSize(before + 1);
	}

	private MockHttpServletResponse useToken(String token) throws Exception {
		return this.mvc
			.perform(post("/login/ott").param("token", token).with(csrf()).with(SignedIn.from(SignedIn.newAddress())))
			.andReturn()
			.getResponse();
	}

	/** Every value of the rows naming the account, in whatever column, as text. */
	private List<String> valuesOfTheAccountsRows(String accountId) {
		List<List<String>> rows = this.jdbc.sql("SELECT * FROM one_time_tokens").query((rs, row) -> values(rs)).list();
		return rows.stream().filter((row) -> row.contains(accountId)).flatMap(List::stream).toList();
	}

	private int rowsOf(String accountId) {
		return (int) this.jdbc.sql("SELECT * FROM one_time_tokens")
			.query((rs, row) -> values(rs))
			.list()
			.stream()
			.filter((row) -> row.contains(accountId))
			.count();
	}

	private static List<String> values(ResultSet rs) throws SQLException {
		ResultSetMetaData columns = rs.getMetaData();
		List<String> values = new ArrayList<>();
		for (int i = 1; i <= columns.getColumnCount(); i++) {
			String value = rs.getString(i);
			if (value != null) {
				values.add(value);
			}
		}
		return values;
	}

}
