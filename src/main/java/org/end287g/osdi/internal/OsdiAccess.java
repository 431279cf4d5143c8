package org.end287g.osdi.internal;

import java.util.Locale;
import java.util.Optional;

import org.end287g.audit.AuditLog;
import org.end287g.osdi.internal.ApiKeys.KeyHolder;
import org.end287g.privacy.RateLimits;
import org.end287g.problems.Problem;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Who calls the API: nobody (public resources), or the organization whose key the request
 * carries ({@code OSDI-Token}, or {@code Authorization: Bearer}). A key that is
 * malformed, unknown or revoked is refused with a 401 whatever was asked, and draws from
 * the client address's limit of wrong keys; a good key draws from its own limit, shared
 * by every instance. Each read of personal data is audited under the key.
 */
@Component
class OsdiAccess {

	private final ApiKeys keys;

	private final RateLimits limits;

	private final AuditLog audit;

	OsdiAccess(ApiKeys keys, RateLimits limits, AuditLog audit) {
		this.keys = keys;
		this.limits = limits;
		this.audit = audit;
	}

	/** The caller's key, checked and counted; empty when the request carries none. */
	Optional<KeyHolder> caller(@Nullable String authorization, @Nullable String osdiToken, String clientAddress) {
		String key = key(authorization, osdiToken);
		if (key == null) {
			return Optional.empty();
		}
		Optional<KeyHolder> holder = this.keys.holder(key);
		if (holder.isEmpty()) {
			this.limits.check("osdi-wrong-key", clientAddress, null);
			throw unauthorized("osdi.error.key.invalid");
		}
		this.limits.check("osdi", "key:" + holder.get().keyId(), null);
		return holder;
	}

	/** The caller's key, required: personal data is never public. */
	KeyHolder required(@Nullable String authorization, @Nullable String osdiToken, String clientAddress) {
		return caller(authorization, osdiToken, clientAddress)
			.orElseThrow(() -> unauthorized("osdi.error.key.missing"));
	}

	/** Records that a key read personal data. */
	void audit(KeyHolder holder, String what) {
		this.audit.record("osdi-key:" + holder.keyId(), "osdi.read", "organization:" + holder.organizationId(), what);
	}

	/** The key a request carries, or {@code null}; any other authorization is wrong. */
	private static @Nullable String key(@Nullable String authorization, @Nullable String osdiToken) {
		if (osdiToken != null && !osdiToken.isBlank()) {
			return osdiToken.strip();
		}
		if (authorization == null || authorization.isBlank()) {
			return null;
		}
		String value = authorization.strip();
		if (value.length() > 7 && value.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
			return value.substring(7).strip();
		}
		throw unauthorized("osdi.error.key.invalid");
	}

	private static Problem unauthorized(String detail) {
		Problem problem = Problem.of(HttpStatus.UNAUTHORIZED, "osdi.error.unauthorized", detail);
		problem.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"osdi\"");
		return problem;
	}

}
