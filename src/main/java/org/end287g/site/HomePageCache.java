package org.end287g.site;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.end287g.tracker.TrackerReader;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The home page is the same for every visitor of one language until the data changes, and
 * most of it is the national map: its bytes (plain and gzipped) are kept per data version
 * and language, so a viral moment costs one cheap version query per visit.
 */
@Component
class HomePageCache extends OncePerRequestFilter {

	private final TrackerReader reader;

	private final LocaleResolver locales;

	private final Map<String, Page> pages = new ConcurrentHashMap<>();

	HomePageCache(TrackerReader reader, LocaleResolver locales) {
		this.reader = reader;
		this.locales = locales;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		// A query (such as ?lang=es, which sets a cookie) always takes the ordinary path.
		return !"GET".equals(request.getMethod()) || !"/".equals(request.getRequestURI())
				|| request.getQueryString() != null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String key = this.reader.dataVersion() + ":" + this.locales.resolveLocale(request).getLanguage();
		response.setHeader(HttpHeaders.VARY, "Accept-Encoding, Accept-Language, Cookie");
		Page page = this.pages.get(key);
		if (page == null) {
			ContentCachingResponseWrapper rendered = new ContentCachingResponseWrapper(response);
			chain.doFilter(request, rendered);
			if (shareable(rendered)) {
				remember(key, new Page(rendered.getContentType(), rendered.getContentAsByteArray()));
			}
			rendered.copyBodyToResponse();
			return;
		}
		page.writeTo(request, response);
	}

	/**
	 * Only a plain success that sets no cookie and carries no CSRF token is the same for
	 * all.
	 */
	private static boolean shareable(ContentCachingResponseWrapper rendered) {
		return rendered.getStatus() == 200 && rendered.getContentType() != null
				&& rendered.getHeaders(HttpHeaders.SET_COOKIE).isEmpty()
				&& !new String(rendered.getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8)
					.contains("_csrf");
	}

	private void remember(String key, Page page) {
		String version = key.substring(0, key.lastIndexOf(':') + 1);
		this.pages.keySet().removeIf(old -> !old.startsWith(version));
		this.pages.put(key, page);
	}

	private record Page(String contentType, byte[] plain, byte[] gzipped) {

		Page(String contentType, byte[] plain) {
			this(contentType, plain, gzip(plain));
		}

		void writeTo(HttpServletRequest request, HttpServletResponse response) throws IOException {
			String accepted = request.getHeader(HttpHeaders.ACCEPT_ENCODING);
			boolean gzip = accepted != null && accepted.contains("gzip");
			byte[] body = gzip ? this.gzipped : this.plain;
			response.setContentType(this.contentType);
			if (gzip) {
				response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
			}
			response.setContentLength(body.length);
			response.getOutputStream().write(body);
		}

		private static byte[] gzip(byte[] plain) {
			ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 4);
			try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
				zip.write(plain);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return out.toByteArray();
		}

	}

}
