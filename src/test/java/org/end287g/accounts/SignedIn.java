package org.end287g.accounts;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.http.Cookie;

import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * What tests of every module need to act as distinct people: unique addresses (so tests
 * do not share rate-limit buckets) and the cookies of a signed-in browser.
 */
public final class SignedIn {

	private static final AtomicInteger ADDRESSES = new AtomicInteger();

	public static final String SESSION_COOKIE = "END287G_SESSION";

	public static final String DEVICE_COOKIE = "END287G_DEVICE";

	private SignedIn() {
	}

	/** A request from this client address. */
	public static RequestPostProcessor from(String address) {
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	/** A fresh, unique client address. */
	public static String newAddress() {
		int n = ADDRESSES.incrementAndGet();
		return "10." + ((n >> 16) & 255) + "." + ((n >> 8) & 255) + "." + (n & 255);
	}

	public static String newEmail() {
		return "person-" + UUID.randomUUID() + "@example.org";
	}

	/** The cookies of one signed-in browser. */
	public record Browser(Cookie session, Cookie device) {

		public Cookie[] cookies() {
			return (this.device != null) ? new Cookie[] { this.session, this.device } : new Cookie[] { this.session };
		}

		public MockHttpServletRequestBuilder get(String path) {
			return org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path).cookie(cookies());
		}

		public MockHttpServletRequestBuilder post(String path) {
			return org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
				.cookie(cookies())
				.with(csrf());
		}

	}

}
