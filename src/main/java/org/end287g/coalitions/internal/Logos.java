package org.end287g.coalitions.internal;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import javax.imageio.ImageIO;

import org.end287g.validation.UploadedImage;

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
		BufferedImage image;
		try {
			image = UploadedImage.decode(upload, MAX_BYTES, MAX_PIXELS).image();
		}
		catch (UploadedImage.Refused ex) {
			throw new Rejected((ex.fault() == UploadedImage.Fault.SIZE) ? "coalitions.error.logo.size"
					: "coalitions.error.logo.type");
		}
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

}
