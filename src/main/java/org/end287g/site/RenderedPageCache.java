package org.end287g.site;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.end287g.tracker.TrackerReader;

import org.springframework.http.HttpHeaders;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The tracker's public pages and open data depend only on the address, the language and
 * the data: their bytes (plain and gzipped) are kept under the data version read on each
 * request, so a viral moment costs one cheap query per visit and every app instance sees
 * an import at once. Other modules add pages ({@link CacheablePages}), such as a
 * campaign's page, whose forms get each visitor's own CSRF token in holes left in the
 * kept bytes ({@link RenderedPage}). No page is kept longer than
 * {@code end287g.page-cache.max-age}, so counts shown on them (signatures, registrations)
 * follow within that time on every instance. When a kept page grows too old, one request
 * renders it again while the others still get the kept copy, so a busy page is never
 * rendered by every waiting request at once. Bounded: least recently used pages are
 * dropped.
 */
@Component
class RenderedPageCache extends OncePerRequestFilter {

	private static final List<String> PREFIXES = List.of("/near", "/states", "/agencies/", "/search", "/api/v1/",
			"/feeds/");

	/** Memory kept for pages, whatever addresses a crawler or an attacker invents. */
	private static final long MAX_TOTAL_BYTES = 64L * 1024 * 1024;

	private static final int MAX_BYTES = 2 * 1024 * 1024;

	/** How long a request may take to render a page again before another takes over. */
	private static final long RENDER_TAKEN_OVER_NANOS = 5_000_000_000L;

	/** The name of the CSRF field of forms, and of the cookie that holds the token. */
	private static final String CSRF_FIELD = "\"_csrf\"";

	private static final String CSRF_COOKIE = "XSRF-TOKEN";

	private final TrackerReader reader;

	private final LocaleResolver locales;

	private final List<CacheablePages> others;

	private final long maxAgeNanos;

	private final Map<String, RenderedPage> pages = new LinkedHashMap<>(256, 0.75f, true);

	/**
	 * The pages one request is rendering again, with when it began: a render that failed
	 * or never ended is taken over after {@link #RENDER_TAKEN_OVER_NANOS}.
	 */
	private final Map<String, Long> rendering = new HashMap<>();

	private long bytes;

	private String version = "";

	RenderedPageCache(TrackerReader reader, LocaleResolver locales, List<CacheablePages> others,
			PageCacheSettings settings) {
		this.reader = reader;
		this.locales = locales;
		this.others = others;
		this.maxAgeNanos = settings.maxAge().toNanos();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI();
		// ?lang= sets the language cookie, so it always takes the ordinary path.
		boolean switchesLanguage = request.getParameter("lang") != null;
		// A signed-in person's pages are their own (the header names their account):
		// never served from, nor kept in, the cache shared by anonymous visitors.
		boolean personal = request.getUserPrincipal() != null || request.getRequestedSessionId() != null;
		// Campaigns change with every signature, events with every registration, not with
		// the tracker's data version.
		boolean campaign = path.startsWith("/api/v1/campaigns") || path.startsWith("/api/v1/events");
		return !"GET".equals(request.getMethod()) || switchesLanguage || personal || campaign
				|| !("/".equals(path) || PREFIXES.stream().anyMatch(path::startsWith)
						|| this.others.stream().anyMatch((pages) -> pages.covers(path)));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String version = this.reader.dataVersion();
		// Feeds hold absolute links, so the host is part of the key.
		String key = this.locales.resolveLocale(request).getLanguage() + " " + request.getScheme() + "://"
				+ request.getHeader(HttpHeaders.HOST) + request.getRequestURI() + "?" + parameters(request);
		response.setHeader(HttpHeaders.VARY, "Accept-Encoding, Accept-Language, Cookie");
		long now = System.nanoTime();
		Optional<RenderedPage> page = cached(version, key, now);
		if (page.isPresent()) {
			page.get().writeTo(request.getHeader(HttpHeaders.ACCEPT_ENCODING), token(request, page.get()), response);
			return;
		}
		ContentCachingResponseWrapper rendered = new ContentCachingResponseWrapper(response);
		try {
			chain.doFilter(request, rendered);
			keep(request, rendered, now).ifPresent((kept) -> remember(version, key, kept));
		}
		finally {
			rendered(key);
		}
		rendered.copyBodyToResponse();
	}

	/**
	 * This visitor's CSRF token for the holes of a kept page: asking for it sets the
	 * token's cookie for a first visit, as rendering the form would.
	 */
	private static String token(HttpServletRequest request, RenderedPage page) {
		if (page.holes() == 0 || !(request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken csrf)) {
			return "";
		}
		return csrf.getToken();
	}

	/**
	 * Only a plain success that sets no cookie but the CSRF token's is the same for
	 * everyone, once the token it carries is cut out.
	 */
	private static Optional<RenderedPage> keep(HttpServletRequest request, ContentCachingResponseWrapper rendered,
			long now) {
		if (rendered.getStatus() != 200 || rendered.getContentType() == null || rendered.getContentSize() > MAX_BYTES
				|| !rendered.getHeaders(HttpHeaders.SET_COOKIE)
					.stream()
					.allMatch((cookie) -> cookie.startsWith(CSRF_COOKIE + "="))) {
			return Optional.empty();
		}
		String body = new String(rendered.getContentAsByteArray(), StandardCharsets.UTF_8);
		if (!body.contains(CSRF_FIELD)) {
			return rendered.getHeaders(HttpHeaders.SET_COOKIE).isEmpty() ? Optional.of(RenderedPage.of(rendered, now))
					: Optional.empty();
		}
		if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken csrf) {
			RenderedPage page = RenderedPage.withHoles(rendered, csrf.getToken(), now);
			// Kept only when each form's field held this request's token, and nothing
			// else did.
			boolean eachFieldCut = page.holes() == body.split(CSRF_FIELD, -1).length - 1;
			return eachFieldCut ? Optional.of(page) : Optional.empty();
		}
		return Optional.empty();
	}

	/**
	 * The parameters as the controllers see them, whether they came in the query or not.
	 */
	private static String parameters(HttpServletRequest request) {
		StringBuilder key = new StringBuilder();
		new TreeMap<>(request.getParameterMap())
			.forEach((name, values) -> key.append(name).append('=').append(Arrays.toString(values)).append('&'));
		return key.toString();
	}

	/**
	 * The kept page while it is young enough, or while another request renders it again;
	 * empty when this request is to render it.
	 */
	private synchronized Optional<RenderedPage> cached(String version, String key, long now) {
		RenderedPage page = this.version.equals(version) ? this.pages.get(key) : null;
		if (page == null) {
			return Optional.empty();
		}
		if (now - page.createdAt() < this.maxAgeNanos) {
			return Optional.of(page);
		}
		Long since = this.rendering.get(key);
		if (since != null && now - since < RENDER_TAKEN_OVER_NANOS) {
			return Optional.of(page);
		}
		this.rendering.put(key, now);
		return Optional.empty();
	}

	private synchronized void rendered(String key) {
		this.rendering.remove(key);
	}

	private synchronized void remember(String version, String key, RenderedPage page) {
		if (!this.version.equals(version)) {
			this.pages.clear();
			this.bytes = 0;
			this.version = version;
		}
		RenderedPage replaced = this.pages.put(key, page);
		this.bytes += page.size() - ((replaced != null) ? replaced.size() : 0);
		Iterator<RenderedPage> leastRecentlyUsed = this.pages.values().iterator();
		while (this.bytes > MAX_TOTAL_BYTES && leastRecentlyUsed.hasNext()) {
			this.bytes -= leastRecentlyUsed.next().size();
			leastRecentlyUsed.remove();
		}
	}

}
