package org.end287g.campaigns.delivery;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import javax.imageio.ImageIO;

import org.end287g.validation.UploadedImage;

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
		UploadedImage.Decoded decoded;
		try {
			decoded = UploadedImage.decode(upload, MAX_BYTES, MAX_PIXELS);
		}
		catch (UploadedImage.Refused ex) {
			throw new Rejected((ex.fault() == UploadedImage.Fault.SIZE) ? "delivery.error.photo.size"
					: "delivery.error.photo.type");
		}
		String format = decoded.format();
		BufferedImage image = decoded.image();
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

}
