package org.end287g.accounts.internal;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * {@code end287g.accounts.bootstrap-admin}: the first admin of a new installation, made
 * at start while there is no active admin. That person signs in with a link sent to the
 * address, then adds a passkey to reach the admin pages. When mail is kept rather than
 * sent (no SMTP server) and that admin has no passkey yet, the sign-in link is written to
 * the log of the person who started the server: the kept mail waits on a page only an
 * admin with a passkey can read.
 */
@Component
class BootstrapAdmin implements ApplicationRunner {

	private static final Log logger = LogFactory.getLog(BootstrapAdmin.class);

	private final AccountService accounts;

	private final AccountsProperties properties;

	private final ObjectProvider<SignInLinks> links;

	private final ObjectProvider<JavaMailSender> mailSender;

	private final JdbcClient jdbc;

	BootstrapAdmin(AccountService accounts, AccountsProperties properties, ObjectProvider<SignInLinks> links,
			ObjectProvider<JavaMailSender> mailSender, JdbcClient jdbc) {
		this.accounts = accounts;
		this.properties = properties;
		this.links = links;
		this.mailSender = mailSender;
		this.jdbc = jdbc;
	}

	@Override
	public void run(ApplicationArguments args) {
		String email = this.properties.accounts().bootstrapAdmin();
		if (email == null || email.isBlank()) {
			return;
		}
		for (int attempt = 1; attempt <= 3; attempt++) {
			try {
				if (this.accounts.bootstrapAdmin(email)) {
					logger.info("Bootstrap admin created from end287g.accounts.bootstrap-admin");
				}
				logFirstLinkWhenMailIsKept(email);
				return;
			}
			catch (DataAccessException ex) {
				// Another instance created the account at the same moment: its
				// transaction has committed, so the next attempt sees the account (and
				// its grant).
				logger.info("Bootstrap admin being created by another instance; checking again");
			}
		}
	}

	private void logFirstLinkWhenMailIsKept(String email) {
		SignInLinks signInLinks = this.links.getIfAvailable();
		if (signInLinks == null || this.mailSender.getIfAvailable() != null || anAdminHasAPasskey()) {
			return;
		}
		signInLinks.firstAdminLink(email)
			.ifPresent((link) -> logger.warn("No mail server is configured (spring.mail.host), so mail is kept, not "
					+ "sent. Sign in as the bootstrap admin with this one-time link, then add a passkey: " + link));
	}

	private boolean anAdminHasAPasskey() {
		return this.jdbc.sql("""
				SELECT count(*) FROM user_credentials c
				JOIN user_entities e ON e.id = c.user_entity_user_id
				JOIN role_grants g ON g.account_id = e.name
				WHERE g.role = 'ADMIN' AND g.revoked_at IS NULL""").query(Long.class).single() > 0;
	}

}
