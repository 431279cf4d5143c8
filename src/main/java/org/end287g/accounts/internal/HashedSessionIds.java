package org.end287g.accounts.internal;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.end287g.privacy.BlindIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.session.SessionIdGenerator;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.CookieSerializer.CookieValue;
import org.springframework.session.web.http.HttpSessionIdResolver;

/**
 * Session ids that no copy of the database can turn into a session cookie. The cookie
 * holds a random secret (32 bytes); the session's id, the only value the session store
 * ({@code spring_session.session_id}) and the application ever see, is its blind index of
 * kind {@value #KIND} (HMAC-SHA256 with the PRF key, which never reaches the database).
 * <p>
 * Spring Session makes every id with this generator (a new session, a new id at sign-in)
 * and reads and writes the cookie with this resolver, in the same request: the secret
 * behind a new id waits here, in memory, until the resolver writes it into the cookie. A
 * secret whose cookie was never written (the session ended within its request) is
 * forgotten after {@link #FORGET_UNWRITTEN}.
 */
class HashedSessionIds implements SessionIdGenerator, HttpSessionIdResolver {

	/** The blind index kind of a session cookie's secret. */
	static final String KIND = "session-cookie";

	private static final Logger logger = LoggerFactory.getLogger(HashedSessionIds.class);

	private static final int SECRET_BYTES = 32;

	/** 32 bytes in base64url: longer values are not our cookies. */
	private static final int MAX_COOKIE_CHARS = 64;

	private static final Duration FORGET_UNWRITTEN = Duration.ofMinutes(10);

	/** Above this many secrets waiting, the next new id forgets the stale ones. */
	private static final int SWEEP_ABOVE = 100;

	private static final String WRITTEN = HashedSessionIds.class.getName() + ".written";

	private final BlindIndex index;

	private final CookieSerializer cookies;

	private final SecureRandom random = new SecureRandom();

	/** The secrets of new ids, by id, until their cookie is written. */
	private final Map<String, Unwritten> unwritten = new ConcurrentHashMap<>();

	HashedSessionIds(BlindIndex index, CookieSerializer cookies) {
		this.index = index;
		this.cookies = cookies;
	}

	/** The session id a cookie's secret stands for. */
	String idOf(String secret) {
		return this.index.of(KIND, secret);
	}

	@Override
	public String generate() {
		byte[] bytes = new byte[SECRET_BYTES];
		this.random.nextBytes(bytes);
		String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		String id = idOf(secret);
		long now = System.nanoTime();
		if (this.unwritten.size() > SWEEP_ABOVE) {
			this.unwritten.values().removeIf((stale) -> now - stale.madeAt() > FORGET_UNWRITTEN.toNanos());
		}
		this.unwritten.put(id, new Unwritten(secret, now));
		return id;
	}

	@Override
	public List<String> resolveSessionIds(HttpServletRequest request) {
		return secrets(request).stream().map(this::idOf).toList();
	}

	@Override
	public void setSessionId(HttpServletRequest request, HttpServletResponse response, String sessionId) {
		if (sessionId.equals(request.getAttribute(WRITTEN))) {
			return;
		}
		Unwritten made = this.unwritten.remove(sessionId);
		Optional<String> secret = (made != null) ? Optional.of(made.secret())
				: secrets(request).stream().filter((sent) -> idOf(sent).equals(sessionId)).findFirst();
		if (secret.isEmpty()) {
			// Only a session made in another request could get here: its cookie stays.
			logger.warn("No cookie secret for a session id made in another request; the cookie is left as it is");
			return;
		}
		request.setAttribute(WRITTEN, sessionId);
		this.cookies.writeCookieValue(new CookieValue(request, response, secret.get()));
	}

	@Override
	public void expireSession(HttpServletRequest request, HttpServletResponse response) {
		this.cookies.writeCookieValue(new CookieValue(request, response, ""));
	}

	private List<String> secrets(HttpServletRequest request) {
		return this.cookies.readCookieValues(request)
			.stream()
			.filter((value) -> !value.isEmpty() && value.length() <= MAX_COOKIE_CHARS)
			.toList();
	}

	private record Unwritten(String secret, long madeAt) {
	}

}
