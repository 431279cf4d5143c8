package org.end287g.toolkit;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Readers that did not produce the files they check: PDFBox for PDF text and pages, the
 * JDK's ImageIO for PNG, ZXing's QR decoder for codes (also on a page PDFBox renders in
 * black and white, as a photocopier would).
 */
public final class Readers {

	private Readers() {
	}

	/** A PDF's text, read top to bottom. */
	public static String pdfText(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			PDFTextStripper stripper = new PDFTextStripper();
			stripper.setSortByPosition(true);
			return stripper.getText(document);
		}
	}

	/**
	 * A PDF's text without any white space: sorting by position splits kerned letters ("t
	 * o end"), so tests compare texts with their spaces and line breaks removed.
	 */
	public static String pdfSquashed(byte[] pdf) throws IOException {
		return squash(pdfText(pdf));
	}

	/** A text without white space. */
	public static String squash(String text) {
		return text.replaceAll("\\s+", "");
	}

	/** Several texts without white space. */
	public static String[] squash(String... texts) {
		return java.util.Arrays.stream(texts).map(Readers::squash).toArray(String[]::new);
	}

	/**
	 * The characters of a PDF drawn less than {@code margin} points from an edge of their
	 * page (or past it), with their page: none when everything fits the paper.
	 */
	public static List<String> outsideMargins(byte[] pdf, float margin) throws IOException {
		List<String> outside = new ArrayList<>();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			PDFTextStripper stripper = new PDFTextStripper() {

				@Override
				protected void writeString(String text, List<TextPosition> positions) {
					// positions are as the page is read, turned by its rotation; sizes
					// are not
					boolean turned = getCurrentPage().getRotation() % 180 != 0;
					for (TextPosition p : positions) {
						float width = turned ? p.getPageHeight() : p.getPageWidth();
						float height = turned ? p.getPageWidth() : p.getPageHeight();
						float left = p.getXDirAdj();
						float top = p.getYDirAdj() - p.getHeightDir();
						if (left < margin || left + p.getWidthDirAdj() > width - margin || top < margin
								|| p.getYDirAdj() > height - margin) {
							outside.add("page " + getCurrentPageNo() + ": " + p.getUnicode() + " at " + left + ","
									+ p.getYDirAdj());
						}
					}
				}

			};
			stripper.getText(document);
		}
		return outside;
	}

	public static int pdfPages(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return document.getNumberOfPages();
		}
	}

	/** The PDF's language (/Lang in its catalogue). */
	public static String pdfLanguage(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return document.getDocumentCatalog().getLanguage();
		}
	}

	/** A page rendered at 150 dpi in black and white only (one bit per pixel). */
	public static BufferedImage photocopy(byte[] pdf, int page) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFRenderer(document).renderImageWithDPI(page, 150, ImageType.BINARY);
		}
	}

	public static BufferedImage png(byte[] png) throws IOException {
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
		if (image == null) {
			throw new IOException("Not an image ImageIO can read");
		}
		return image;
	}

	/** The text of the QR code in an image; fails when there is none. */
	public static String qr(BufferedImage image) throws NotFoundException {
		int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
		RGBLuminanceSource source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
		try {
			Result result = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)),
					java.util.Map.of(com.google.zxing.DecodeHintType.TRY_HARDER, Boolean.TRUE));
			return result.getText();
		}
		catch (com.google.zxing.ChecksumException | com.google.zxing.FormatException ex) {
			throw NotFoundException.getNotFoundInstance();
		}
	}

}
