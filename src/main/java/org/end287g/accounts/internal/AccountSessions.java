package org.end287g.accounts.internal;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.end287g.privacy.BlindIndex;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * The sessions of one account in the shared session store. A session is named in pages
 * only by a keyed hash of its id, never by the id itself (which would sign the reader
 * in).
 */
@Component
class AccountSessions {

	private final ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> repository;

	private final BlindIndex index;

	AccountSessions(ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> repository, BlindIndex index) {
		this.repository = repository;
		this.index = index;
	}

	/** One signed-in session as the sessions page shows it. */
	public record Listed(String handle, String browser, String system, String method, Instant signedInAt,
			Instant lastActiveAt, boolean newDevice, boolean current) {

	}

	public String handle(String sessionId) {
		return this.index.of("session", sessionId);
	}

	public List<Listed> list(String accountId, @Nullable String currentSessionId) {
		return sessions(accountId).values()
			.stream()
			.map((session) -> listed(session, currentSessionId))
			.sorted(Comparator.comparing(Listed::lastActiveAt).reversed())
			.toList();
	}

	/** Deletes the session with this handle if it is the account's; true when it was. */
	public boolean revoke(String accountId, String handle) {
		FindByIndexNameSessionRepository<? extends Session> sessions = this.repository.getIfAvailable();
		if (sessions == null || handle == null) {
			return false;
		}
		for (String id : sessions.findByPrincipalName(accountId).keySet()) {
			if (handle(id).equals(handle)) {
				sessions.deleteById(id);
				return true;
			}
		}
		return false;
	}

	/** Deletes every session of the account except the one given (may be null). */
	public int revokeAllExcept(String accountId, @Nullable String keptSessionId) {
		FindByIndexNameSessionRepository<? extends Session> sessions = this.repository.getIfAvailable();
		if (sessions == null) {
			return 0;
		}
		int revoked = 0;
		for (String id : sessions.findByPrincipalName(accountId).keySet()) {
			if (!id.equals(keptSessionId)) {
				sessions.deleteById(id);
				revoked++;
			}
		}
		return revoked;
	}

	private Map<String, ? extends Session> sessions(String accountId) {
		FindByIndexNameSessionRepository<? extends Session> sessions = this.repository.getIfAvailable();
		return (sessions != null) ? sessions.findByPrincipalName(accountId) : Map.of();
	}

	private Listed listed(Session session, @Nullable String currentSessionId) {
		Long signedInAt = session.getAttribute(SignInDetails.SIGNED_IN_AT);
		Boolean newDevice = session.getAttribute(SignInDetails.NEW_DEVICE);
		return new Listed(handle(session.getId()), text(session.getAttribute(SignInDetails.BROWSER)),
				text(session.getAttribute(SignInDetails.SYSTEM)), text(session.getAttribute(SignInDetails.METHOD)),
				(signedInAt != null) ? Instant.ofEpochMilli(signedInAt) : session.getCreationTime(),
				session.getLastAccessedTime(), Boolean.TRUE.equals(newDevice),
				session.getId().equals(currentSessionId));
	}

	private static String text(@Nullable Object value) {
		return (value instanceof String string) ? string : "";
	}

}
