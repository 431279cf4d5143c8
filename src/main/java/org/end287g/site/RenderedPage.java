package org.end287g.site;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * A response body kept plain and gzipped, with the headers that describe it.
 * <p>
 * A page with a form carries the visitor's own CSRF token: such a page is kept as the
 * parts around the token (holes), plain and each compressed on its own, and every visitor
 * gets the parts with their own token in the holes. The gzipped parts are raw deflate
 * blocks ended by a full flush, which refers to nothing before it, so the parts and a
 * token compressed per request join into one valid gzip stream (RFC 1951, 1952) without
 * compressing the page again.
 *
 * @param gzipped the whole gzip stream of a page without holes, otherwise the raw deflate
 * blocks of each part
 * @param crc the CRC-32 of a page without holes (unused otherwise)
 */
record RenderedPage(String contentType, @Nullable String contentDisposition, List<byte[]> plain, List<byte[]> gzipped,
		long crc, long createdAt) {

	/** The gzip header: deflate, no flags, no time, any OS (RFC 1952). */
	private static final byte[] GZIP_HEADER = { 0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff };

	/** An empty final block with fixed codes: the end of the deflate stream. */
	private static final byte[] LAST_BLOCK = { 3, 0 };

	/** A page without holes. */
	static RenderedPage of(ContentCachingResponseWrapper rendered, long createdAt) {
		byte[] plain = rendered.getContentAsByteArray();
		CRC32 crc = new CRC32();
		crc.update(plain);
		return new RenderedPage(rendered.getContentType(), rendered.getHeader(HttpHeaders.CONTENT_DISPOSITION),
				List.of(plain), List.of(gzip(plain)), crc.getValue(), createdAt);
	}

	/** A page with a hole wherever the rendering wrote {@code token}. */
	static RenderedPage withHoles(ContentCachingResponseWrapper rendered, String token, long createdAt) {
		byte[] body = rendered.getContentAsByteArray();
		byte[] hole = token.getBytes(StandardCharsets.UTF_8);
		List<byte[]> parts = new ArrayList<>();
		int start = 0;
		for (int at = indexOf(body, hole, 0); at >= 0; at = indexOf(body, hole, start)) {
			parts.add(Arrays.copyOfRange(body, start, at));
			start = at + hole.length;
		}
		parts.add(Arrays.copyOfRange(body, start, body.length));
		return new RenderedPage(rendered.getContentType(), rendered.getHeader(HttpHeaders.CONTENT_DISPOSITION),
				List.copyOf(parts), parts.stream().map(RenderedPage::deflateBlocks).toList(), 0, createdAt);
	}

	int holes() {
		return this.plain.size() - 1;
	}

	long size() {
		long size = 0;
		for (int i = 0; i < this.plain.size(); i++) {
			size += this.plain.get(i).length + this.gzipped.get(i).length;
		}
		return size;
	}

	/**
	 * Writes the page, gzipped when the request's Accept-Encoding allows it, with
	 * {@code token} in its holes.
	 */
	void writeTo(@Nullable String accepted, String token, HttpServletResponse response) throws IOException {
		boolean gzip = accepted != null && accepted.contains("gzip");
		response.setContentType(this.contentType);
		if (this.contentDisposition != null) {
			response.setHeader(HttpHeaders.CONTENT_DISPOSITION, this.contentDisposition);
		}
		if (gzip) {
			response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
		}
		if (holes() == 0) {
			byte[] body = gzip ? this.gzipped.get(0) : this.plain.get(0);
			response.setContentLength(body.length);
			response.getOutputStream().write(body);
		}
		else if (gzip) {
			writeGzipped(token.getBytes(StandardCharsets.UTF_8), response);
		}
		else {
			byte[] filling = token.getBytes(StandardCharsets.UTF_8);
			response.setContentLength(plainLength(filling));
			OutputStream out = response.getOutputStream();
			for (int i = 0; i < this.plain.size(); i++) {
				if (i > 0) {
					out.write(filling);
				}
				out.write(this.plain.get(i));
			}
		}
	}

	private void writeGzipped(byte[] filling, HttpServletResponse response) throws IOException {
		byte[] deflatedFilling = deflateBlocks(filling);
		CRC32 crc = new CRC32();
		int length = GZIP_HEADER.length + LAST_BLOCK.length + 8;
		for (int i = 0; i < this.plain.size(); i++) {
			if (i > 0) {
				crc.update(filling);
				length += deflatedFilling.length;
			}
			crc.update(this.plain.get(i));
			length += this.gzipped.get(i).length;
		}
		response.setContentLength(length);
		OutputStream out = response.getOutputStream();
		out.write(GZIP_HEADER);
		for (int i = 0; i < this.gzipped.size(); i++) {
			if (i > 0) {
				out.write(deflatedFilling);
			}
			out.write(this.gzipped.get(i));
		}
		out.write(LAST_BLOCK);
		int size = plainLength(filling);
		long value = crc.getValue();
		out.write(new byte[] { (byte) value, (byte) (value >>> 8), (byte) (value >>> 16), (byte) (value >>> 24),
				(byte) size, (byte) (size >>> 8), (byte) (size >>> 16), (byte) (size >>> 24) });
	}

	private int plainLength(byte[] filling) {
		int length = holes() * filling.length;
		for (byte[] part : this.plain) {
			length += part.length;
		}
		return length;
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

	/** Raw deflate blocks, none final, ended by a full flush. */
	private static byte[] deflateBlocks(byte[] plain) {
		Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
		try {
			deflater.setInput(plain);
			ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, plain.length / 3));
			byte[] buffer = new byte[8192];
			int written;
			do {
				written = deflater.deflate(buffer, 0, buffer.length, Deflater.FULL_FLUSH);
				out.write(buffer, 0, written);
			}
			while (written == buffer.length);
			return out.toByteArray();
		}
		finally {
			deflater.end();
		}
	}

	private static int indexOf(byte[] body, byte[] hole, int from) {
		outer: for (int i = from; i <= body.length - hole.length; i++) {
			for (int j = 0; j < hole.length; j++) {
				if (body[i + j] != hole[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

}
