package org.end287g.accounts.internal;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

/**
 * A successful sign-in by link or passkey: recorded through the recorder bean (so in one
 * transaction), its details kept in the session (for the absolute lifetime and the
 * sessions page), the browser given a device cookie when it has none; then {@code next}
 * answers.
 */
class RecordedSignIn implements AuthenticationSuccessHandler {

	/** A random value per browser; only its keyed hash is stored. */
	static final String DEVICE_COOKIE = "END287G_DEVICE";

	private static final Duration DEVICE_COOKIE_AGE = Duration.ofDays(400);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SignInRecorder recorder;

	private final AuthenticationSuccessHandler next;

	RecordedSignIn(SignInRecorder recorder, AuthenticationSuccessHandler next) {
		this.recorder = recorder;
		this.next = next;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException, ServletException {
		SignInRecorder.SignIn signIn = this.recorder.record(authentication, request.getHeader(HttpHeaders.USER_AGENT),
				deviceCookie(request, response));
		HttpSession session = request.getSession();
		session.setAttribute(SignInDetails.SIGNED_IN_AT, signIn.at().toEpochMilli());
		session.setAttribute(SignInDetails.METHOD, signIn.method());
		session.setAttribute(SignInDetails.BROWSER, signIn.browser());
		session.setAttribute(SignInDetails.SYSTEM, signIn.system());
		session.setAttribute(SignInDetails.NEW_DEVICE, signIn.newDevice());
		this.next.onAuthenticationSuccess(request, response, authentication);
	}

	/** The browser's device value, set now when it has none. */
	private static String deviceCookie(HttpServletRequest request, HttpServletResponse response) {
		if (request.getCookies() != null) {
			for (Cookie cookie : request.getCookies()) {
				if (DEVICE_COOKIE.equals(cookie.getName()) && cookie.getValue() != null
						&& cookie.getValue().length() == 43) {
					return cookie.getValue();
				}
			}
		}
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		response.addHeader(HttpHeaders.SET_COOKIE,
				ResponseCookie.from(DEVICE_COOKIE, value)
					.httpOnly(true)
					.secure(true)
					.sameSite("Lax")
					.path("/")
					.maxAge(DEVICE_COOKIE_AGE)
					.build()
					.toString());
		return value;
	}

}
