package org.end287g.coalitions.internal;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Organization logos: PNG or JPEG (by their first bytes, not their name), at most 2 MB
 * and 25 megapixels, decoded, scaled to fit 256 by 256 and written again as PNG, so
 * nothing but pixels survives.
 */
final class Logos {

	static final long MAX_BYTES = 2L * 1024 * 1024;

	static final long MAX_PIXELS = 25_000_000L;

	static final int SIDE = 256;

	private Logos() {
	}

	/** The message key of what is wrong with the upload. */
	static final class Rejected extends Exception {

		private final String key;

		Rejected(String key) {
			super(key, null, false, false);
			this.key = key;
		}

		String key() {
			return this.key;
		}

	}

	static byte[] clean(byte[] upload) throws Rejected {
		if (upload.length > MAX_BYTES) {
			throw new Rejected("coalitions.error.logo.size");
		}
		BufferedImage image = decode(upload, format(upload));
		double scale = Math.min(1.0, (double) SIDE / Math.max(image.getWidth(), image.getHeight()));
		int width = Math.max(1, (int) Math.round(image.getWidth() * scale));
		int height = Math.max(1, (int) Math.round(image.getHeight() * scale));
		BufferedImage pixels = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
		Graphics2D graphics = pixels.createGraphics();
		graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
		graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
		graphics.drawImage(image, 0, 0, width, height, null);
		graphics.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			if (!ImageIO.write(pixels, "png", out)) {
				throw new Rejected("coalitions.error.logo.type");
			}
		}
		catch (IOException ex) {
			throw new Rejected("coalitions.error.logo.type");
		}
		return out.toByteArray();
	}

	private static String format(byte[] upload) throws Rejected {
		if (upload.length > 3 && (upload[0] & 0xff) == 0xff && (upload[1] & 0xff) == 0xd8
				&& (upload[2] & 0xff) == 0xff) {
			return "jpeg";
		}
		if (upload.length > 8 && (upload[0] & 0xff) == 0x89 && upload[1] == 'P' && upload[2] == 'N' && upload[3] == 'G'
				&& upload[4] == 0x0d && upload[5] == 0x0a && upload[6] == 0x1a && upload[7] == 0x0a) {
			return "png";
		}
		throw new Rejected("coalitions.error.logo.type");
	}

	private static BufferedImage decode(byte[] upload, String format) throws Rejected {
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
			Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
			if (in == null || !readers.hasNext()) {
				throw new Rejected("coalitions.error.logo.type");
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, true, true);
				long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
				if (pixels <= 0 || pixels > MAX_PIXELS) {
					throw new Rejected("coalitions.error.logo.size");
				}
				BufferedImage image = reader.read(0);
				if (image == null) {
					throw new Rejected("coalitions.error.logo.type");
				}
				return image;
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException ex) {
			throw new Rejected("coalitions.error.logo.type");
		}
	}

}
