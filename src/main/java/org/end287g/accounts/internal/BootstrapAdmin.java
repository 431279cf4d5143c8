package org.end287g.accounts.internal;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * {@code end287g.accounts.bootstrap-admin}: the first admin of a new installation, made
 * at start while there is no active admin. That person signs in with a link sent to the
 * address, then adds a passkey to reach the admin pages.
 */
@Component
public class BootstrapAdmin implements ApplicationRunner {

	private static final Log logger = LogFactory.getLog(BootstrapAdmin.class);

	private final AccountService accounts;

	private final AccountsProperties properties;

	BootstrapAdmin(AccountService accounts, AccountsProperties properties) {
		this.accounts = accounts;
		this.properties = properties;
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

}
