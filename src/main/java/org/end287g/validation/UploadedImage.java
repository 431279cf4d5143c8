package org.end287g.validation;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * An uploaded picture (a delivery photo, an organisation's logo), read safely: PNG or
 * JPEG by its first bytes, never its name; refused above a size in bytes and, before its
 * pixels are decoded, above a number of pixels, so a small file cannot claim a huge
 * image. What the caller keeps is drawn again from the pixels, so nothing else of the
 * file survives.
 */
public final class UploadedImage {

	private UploadedImage() {
	}

	/** Why an upload is refused. */
	public enum Fault {

		/** Not a PNG or JPEG that decodes. */
		TYPE,
		/** Too many bytes or pixels. */
		SIZE

	}

	/** An upload that is refused, and why. */
	public static final class Refused extends Exception {

		private final Fault fault;

		Refused(Fault fault) {
			super(fault.name(), null, false, false);
			this.fault = fault;
		}

		public Fault fault() {
			return this.fault;
		}

	}

	/** A decoded picture and its format ({@code png} or {@code jpeg}). */
	public record Decoded(BufferedImage image, String format) {
	}

	/** Decodes the upload when it is a PNG or JPEG within the limits. */
	public static Decoded decode(byte[] upload, long maxBytes, long maxPixels) throws Refused {
		if (upload.length > maxBytes) {
			throw new Refused(Fault.SIZE);
		}
		String format = format(upload);
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
			Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
			if (in == null || !readers.hasNext()) {
				throw new Refused(Fault.TYPE);
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, true, true);
				long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
				if (pixels <= 0 || pixels > maxPixels) {
					throw new Refused(Fault.SIZE);
				}
				BufferedImage image = reader.read(0);
				if (image == null) {
					throw new Refused(Fault.TYPE);
				}
				return new Decoded(image, format);
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException ex) {
			throw new Refused(Fault.TYPE);
		}
	}

	private static String format(byte[] upload) throws Refused {
		if (upload.length > 3 && (upload[0] & 0xff) == 0xff && (upload[1] & 0xff) == 0xd8
				&& (upload[2] & 0xff) == 0xff) {
			return "jpeg";
		}
		if (upload.length > 8 && (upload[0] & 0xff) == 0x89 && upload[1] == 'P' && upload[2] == 'N' && upload[3] == 'G'
				&& upload[4] == 0x0d && upload[5] == 0x0a && upload[6] == 0x1a && upload[7] == 0x0a) {
			return "png";
		}
		throw new Refused(Fault.TYPE);
	}

}
