package org.end287g.accounts.internal;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * end287g.accounts.bootstrap-admin makes the first admin while there is none, once, even
 * when several instances start together.
 */
@SpringBootTest(properties = "end287g.accounts.bootstrap-admin=First.Admin@Example.org")
@ExtendWith(OutputCaptureExtension.class)
class BootstrapAdminTests {

	@Autowired
	BootstrapAdmin bootstrap;

	@Autowired
	AccountService accounts;

	@Autowired
	AccountStore store;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	HashedOneTimeTokens tokens;

	@Test
	void theConfiguredAddressBecomesTheOnlyAdminOnceAndAudited() throws Exception {
		// A new installation: no active admin (other tests' admins are set aside).
		this.jdbc
			.sql("UPDATE role_grants SET revoked_at = CURRENT_TIMESTAMP, revoked_by = 'test' "
					+ "WHERE role = 'ADMIN' AND revoked_at IS NULL")
			.update();
		// Four instances start at once.
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			Callable<Void> start = () -> {
				this.bootstrap.run(null);
				return null;
			};
			for (Future<Void> started : pool.invokeAll(List.of(start, start, start, start))) {
				started.get();
			}
		}
		finally {
			pool.shutdown();
		}
		var account = this.store.byEmail("first.admin@example.org").orElseThrow();
		assertThat(this.jdbc.sql("SELECT account_id FROM role_grants WHERE role = 'ADMIN' AND revoked_at IS NULL")
			.query(String.class)
			.list()).containsExactly(account.id());
		assertThat(this.jdbc
			.sql("SELECT COUNT(*) FROM accounts WHERE email_index = "
					+ "(SELECT email_index FROM accounts WHERE id = ?)")
			.param(account.id())
			.query(Integer.class)
			.single()).isEqualTo(1);
		long audited = this.jdbc
			.sql("SELECT COUNT(*) FROM audit_log WHERE actor = 'system' AND action = 'role.grant' AND subject = ?")
			.param(account.id())
			.query(Long.class)
			.single();
		assertThat(audited).isPositive();
		// Started again: nothing more.
		this.bootstrap.run(null);
		assertThat(this.accounts.bootstrapAdmin("first.admin@example.org")).isFalse();
		assertThat(this.store.activeGrants(account.id())).hasSize(1);
		assertThat(this.jdbc
			.sql("SELECT COUNT(*) FROM audit_log WHERE actor = 'system' AND action = 'role.grant' AND subject = ?")
			.param(account.id())
			.query(Long.class)
			.single()).isEqualTo(audited);
		assertThat(this.accounts.bootstrapAdmin("")).isFalse();
	}

	@Test
	void withMailKeptTheFirstAdminWithoutAPasskeyGetsAWorkingLinkInTheLogOnly(CapturedOutput output) {
		this.jdbc.sql("DELETE FROM user_credentials").update();
		long mailBefore = signInMails();
		this.bootstrap.run(null);
		String logged = output.getOut();
		assertThat(logged).contains("Sign in as the bootstrap admin with this one-time link")
			.doesNotContainIgnoringCase("first.admin@example.org");
		String token = logged.substring(logged.lastIndexOf("/sign-in/link?token=") + "/sign-in/link?token=".length())
			.strip()
			.split("\\s")[0];
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM one_time_tokens WHERE token_hash = ?")
			.param(this.tokens.hash(token))
			.query(Long.class)
			.single()).isEqualTo(1);
		// No mail was queued for it: the link exists only in the log of whoever started
		// the server.
		assertThat(signInMails()).isEqualTo(mailBefore);
	}

	private long signInMails() {
		return this.jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE template = 'sign-in-link'")
			.query(Long.class)
			.single();
	}

}
