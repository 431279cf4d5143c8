package org.end287g.accounts.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.end287g.privacy.PersonalDataHolder;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an account holds about its person, for the "my data" page: shown, exported and
 * forgotten (the account is disabled, its address, name, sessions, devices and passkeys
 * deleted; its grants stay as history under the bare account id).
 */
@Component
class AccountPersonalData implements PersonalDataHolder {

	private final JdbcClient jdbc;

	private final AccountStore store;

	private final AccountService accounts;

	AccountPersonalData(JdbcClient jdbc, AccountStore store, AccountService accounts) {
		this.jdbc = jdbc;
		this.store = store;
		this.accounts = accounts;
	}

	@Override
	public String section() {
		return "account";
	}

	@Override
	public Map<String, Object> describe(String emailIndex) {
		Optional<Account> found = byIndex(emailIndex);
		if (found.isEmpty()) {
			return Map.of();
		}
		Account account = found.get();
		Map<String, Object> held = new LinkedHashMap<>();
		held.put("name", account.name());
		held.put("email", account.email());
		held.put("language", account.language());
		held.put("roles", this.store.activeGrants(account.id()).stream().map((grant) -> grant.role().name()).toList());
		held.put("devices", this.store.deviceCount(account.id()));
		held.put("created", account.createdAt().toString());
		return held;
	}

	@Override
	public Optional<String> address(String emailIndex) {
		return byIndex(emailIndex).map(Account::email);
	}

	@Override
	@Transactional
	public void forget(String emailIndex) {
		byIndex(emailIndex).ifPresent((account) -> {
			this.jdbc.sql("""
					DELETE FROM user_credentials WHERE user_entity_user_id IN
						(SELECT id FROM user_entities WHERE name = ?)""").param(account.id()).update();
			this.jdbc.sql("DELETE FROM user_entities WHERE name = ?").param(account.id()).update();
			this.jdbc.sql("DELETE FROM one_time_tokens WHERE account_id = ?").param(account.id()).update();
			this.accounts.forget(account.id(), account.id());
		});
	}

	private Optional<Account> byIndex(String emailIndex) {
		return this.jdbc.sql("SELECT id FROM accounts WHERE email_index = ?")
			.param(emailIndex)
			.query(String.class)
			.optional()
			.flatMap(this.store::byId);
	}

}
