package org.end287g.accounts.internal;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.end287g.SiteAddress;
import org.end287g.accounts.Roles;
import org.end287g.audit.AuditLog;
import org.end287g.notifications.Mail;
import org.end287g.notifications.Outbox;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every change to accounts and roles, each in one transaction with its audit entry and
 * the mail it causes. Revoking a role or disabling an account ends the account's sessions
 * at once, so the change takes effect on the next request.
 */
@Service
class AccountService {

	private final AccountStore store;

	private final AuditLog audit;

	private final Outbox outbox;

	private final AccountSessions sessions;

	private final SiteAddress site;

	AccountService(AccountStore store, AuditLog audit, Outbox outbox, AccountSessions sessions, SiteAddress site) {
		this.store = store;
		this.audit = audit;
		this.outbox = outbox;
		this.sessions = sessions;
		this.site = site;
	}

	/** What an invitation or a grant asks for, already validated. */
	public record RoleRequest(Roles role, @Nullable Long organizationId, @Nullable Long campaignId) {

	}

	public enum Outcome {

		DONE, ALREADY_HELD, NOT_FOUND, REFUSED

	}

	/**
	 * Creates the account when the address has none, grants the role and sends the
	 * invitation (to sign in on the sign-in page), greeting them by name when staff gave
	 * one. It carries no sign-in link: a role given by staff is taken up by signing in.
	 */
	@Transactional
	public InviteResult invite(String actor, String email, @Nullable String name, String language, RoleRequest role) {
		InviteResult result = appoint(actor, email, name, language, role);
		if (result.outcome() == Outcome.DONE) {
			Account account = this.store.byId(result.accountId()).orElseThrow();
			this.outbox.enqueue(Mail.transactional(
					Objects.requireNonNull(account.email(), "an account found by its address has one"),
					account.locale(), "invitation", Map.of("signInUrl", this.site.link("/sign-in"), "role",
							role.role().name(), "name", Objects.requireNonNullElse(account.name(), ""))));
		}
		return result;
	}

	/**
	 * Like {@link #invite} but sends nothing: the caller's own mail tells the person (a
	 * leader's approval, with a sign-in link).
	 */
	@Transactional
	public InviteResult appoint(String actor, String email, @Nullable String name, String language, RoleRequest role) {
		Account account = this.store.findOrCreate(email, name, language);
		this.store.lock(account.id());
		if (!account.active()) {
			return new InviteResult(account.id(), Outcome.REFUSED);
		}
		if (this.store.hasActiveGrant(account.id(), role.role(), role.organizationId(), role.campaignId())) {
			return new InviteResult(account.id(), Outcome.ALREADY_HELD);
		}
		long grant = this.store.addGrant(account.id(), role.role(), role.organizationId(), role.campaignId(), actor);
		this.audit.record(actor, "account.invite", account.id(), "role=" + role.role());
		this.audit.record(actor, "role.grant", account.id(), describe(grant, role));
		return new InviteResult(account.id(), Outcome.DONE);
	}

	public record InviteResult(String accountId, Outcome outcome) {

	}

	@Transactional
	public Outcome grant(String actor, String accountId, RoleRequest role) {
		Optional<Account> account = this.store.byId(accountId);
		if (account.isEmpty()) {
			return Outcome.NOT_FOUND;
		}
		this.store.lock(accountId);
		if (!account.get().active()) {
			return Outcome.REFUSED;
		}
		if (this.store.hasActiveGrant(accountId, role.role(), role.organizationId(), role.campaignId())) {
			return Outcome.ALREADY_HELD;
		}
		long grant = this.store.addGrant(accountId, role.role(), role.organizationId(), role.campaignId(), actor);
		this.audit.record(actor, "role.grant", accountId, describe(grant, role));
		// Scoped rights are read from the database on every request; a new role's
		// authority (ROLE_...) arrives with the next sign-in.
		return Outcome.DONE;
	}

	@Transactional
	public Outcome revoke(String actor, String accountId, long grantId) {
		Optional<Grant> grant = this.store.grant(grantId);
		if (grant.isEmpty() || !grant.get().accountId().equals(accountId)) {
			return Outcome.NOT_FOUND;
		}
		if (actor.equals(accountId) && grant.get().role() == Roles.ADMIN) {
			// An admin cannot lock themselves (and perhaps everyone) out by mistake.
			return Outcome.REFUSED;
		}
		this.store.lock(accountId);
		if (!this.store.revokeGrant(grantId, actor)) {
			return Outcome.ALREADY_HELD;
		}
		Grant revoked = grant.get();
		this.audit.record(actor, "role.revoke", accountId,
				describe(grantId, new RoleRequest(revoked.role(), revoked.organizationId(), revoked.campaignId())));
		int ended = this.sessions.revokeAllExcept(accountId, null);
		this.audit.record(actor, "session.revoke", accountId, "sessions=" + ended + " after role.revoke");
		return Outcome.DONE;
	}

	@Transactional
	public Outcome disable(String actor, String accountId) {
		if (this.store.byId(accountId).isEmpty()) {
			return Outcome.NOT_FOUND;
		}
		if (actor.equals(accountId)) {
			return Outcome.REFUSED;
		}
		if (!this.store.disable(accountId)) {
			return Outcome.ALREADY_HELD;
		}
		this.audit.record(actor, "account.disable", accountId, null);
		int ended = this.sessions.revokeAllExcept(accountId, null);
		this.audit.record(actor, "session.revoke", accountId, "sessions=" + ended + " after account.disable");
		return Outcome.DONE;
	}

	@Transactional
	public void update(String accountId, String name, String language) {
		this.store.update(accountId, name, language);
		this.audit.record(accountId, "account.update", accountId, null);
	}

	/**
	 * At start: makes the configured address an admin while no active admin exists.
	 * Idempotent, and safe when several instances start at once (the account is created
	 * once; the row lock makes the second instance see the first one's grant).
	 */
	@Transactional
	public boolean bootstrapAdmin(String email) {
		if (email == null || email.isBlank() || this.store.anyActiveAdmin()) {
			return false;
		}
		Account account = this.store.findOrCreate(email, null, "en");
		this.store.lock(account.id());
		if (!account.active() || this.store.hasActiveGrant(account.id(), Roles.ADMIN, null, null)) {
			return false;
		}
		long grant = this.store.addGrant(account.id(), Roles.ADMIN, null, null, "system");
		this.audit.record("system", "role.grant", account.id(),
				describe(grant, new RoleRequest(Roles.ADMIN, null, null)) + " bootstrap");
		return true;
	}

	/**
	 * A person asked for their data to be deleted: the account goes, its history stays.
	 */
	@Transactional
	public void forget(String accountId, String actor) {
		this.store.forget(accountId);
		int ended = this.sessions.revokeAllExcept(accountId, null);
		this.audit.record(actor, "account.forget", accountId, "sessions=" + ended);
	}

	/** The new organization's id, or empty when one of that name exists. */
	@Transactional
	public Optional<Long> createOrganization(String actor, String name) {
		Optional<Long> created = this.store.createOrganization(name, actor);
		created.ifPresent((id) -> this.audit.record(actor, "organization.create", id.toString(), null));
		return created;
	}

	public List<Grant> activeGrants(String accountId) {
		return this.store.activeGrants(accountId);
	}

	private static String describe(long grantId, RoleRequest role) {
		StringBuilder details = new StringBuilder("grant=").append(grantId).append(" role=").append(role.role());
		if (role.organizationId() != null) {
			details.append(" organization=").append(role.organizationId());
		}
		if (role.campaignId() != null) {
			details.append(" campaign=").append(role.campaignId());
		}
		return details.toString();
	}

}
