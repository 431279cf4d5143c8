package org.end287g.site;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.web.util.ContentCachingResponseWrapper;

/** A response body kept plain and gzipped, with the headers that describe it. */
record RenderedPage(String contentType, @Nullable String contentDisposition, byte[] plain, byte[] gzipped) {

	static RenderedPage of(ContentCachingResponseWrapper rendered) {
		byte[] plain = rendered.getContentAsByteArray();
		return new RenderedPage(rendered.getContentType(), rendered.getHeader(HttpHeaders.CONTENT_DISPOSITION), plain,
				gzip(plain));
	}

	long size() {
		return this.plain.length + this.gzipped.length;
	}

	/** Writes the page, gzipped when the request's Accept-Encoding allows it. */
	void writeTo(String accepted, HttpServletResponse response) throws IOException {
		boolean gzip = accepted != null && accepted.contains("gzip");
		byte[] body = gzip ? this.gzipped : this.plain;
		response.setContentType(this.contentType);
		if (this.contentDisposition != null) {
			response.setHeader(HttpHeaders.CONTENT_DISPOSITION, this.contentDisposition);
		}
		if (gzip) {
			response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
		}
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

	private static byte[] gzip(byte[] plain) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, plain.length / 4));
		try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
			zip.write(plain);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
