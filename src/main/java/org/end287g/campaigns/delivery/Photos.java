package org.end287g.campaigns.delivery;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Delivery photos: JPEG or PNG only (by their first bytes, not their name), at most 5 MB
 * and 40 megapixels, decoded and written again so nothing but pixels survives (no GPS
 * position, camera or text chunks).
 */
final class Photos {

	static final long MAX_BYTES = 5L * 1024 * 1024;

	static final long MAX_PIXELS = 40_000_000L;

	private Photos() {
	}

	/** A clean image and its content type. */
	record Photo(byte[] bytes, String type) {
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

	static Photo clean(byte[] upload) throws Rejected {
		if (upload.length > MAX_BYTES) {
			throw new Rejected("delivery.error.photo.size");
		}
		String format;
		if (upload.length > 3 && (upload[0] & 0xff) == 0xff && (upload[1] & 0xff) == 0xd8
				&& (upload[2] & 0xff) == 0xff) {
			format = "jpeg";
		}
		else if (upload.length > 8 && (upload[0] & 0xff) == 0x89 && upload[1] == 'P' && upload[2] == 'N'
				&& upload[3] == 'G' && upload[4] == 0x0d && upload[5] == 0x0a && upload[6] == 0x1a
				&& upload[7] == 0x0a) {
			format = "png";
		}
		else {
			throw new Rejected("delivery.error.photo.type");
		}
		BufferedImage image = decode(upload, format);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			BufferedImage pixels = image;
			if ("jpeg".equals(format) && image.getType() != BufferedImage.TYPE_INT_RGB) {
				pixels = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
				Graphics2D graphics = pixels.createGraphics();
				graphics.drawImage(image, 0, 0, java.awt.Color.WHITE, null);
				graphics.dispose();
			}
			if (!ImageIO.write(pixels, format, out)) {
				throw new Rejected("delivery.error.photo.type");
			}
		}
		catch (IOException ex) {
			throw new Rejected("delivery.error.photo.type");
		}
		return new Photo(out.toByteArray(), "jpeg".equals(format) ? "image/jpeg" : "image/png");
	}

	private static BufferedImage decode(byte[] upload, String format) throws Rejected {
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
			Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
			if (in == null || !readers.hasNext()) {
				throw new Rejected("delivery.error.photo.type");
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, true, true);
				long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
				if (pixels <= 0 || pixels > MAX_PIXELS) {
					throw new Rejected("delivery.error.photo.size");
				}
				BufferedImage image = reader.read(0);
				if (image == null) {
					throw new Rejected("delivery.error.photo.type");
				}
				return image;
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException ex) {
			throw new Rejected("delivery.error.photo.type");
		}
	}

}
