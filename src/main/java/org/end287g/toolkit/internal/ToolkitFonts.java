package org.end287g.toolkit.internal;

import java.awt.FontFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfWriter;
import org.end287g.printing.PrintFonts;

import org.springframework.stereotype.Component;

/**
 * Liberation Sans (SIL Open Font License) as OpenPDF ships it in its own jar, for images
 * drawn with Java2D, and the shared {@link PrintFonts} for PDFs: never a system font, so
 * every instance draws the same.
 */
@Component
class ToolkitFonts {

	static final String FONT = "font-fallback/LiberationSans-Regular.ttf";

	private final PrintFonts print;

	private final java.awt.Font awt;

	ToolkitFonts(PrintFonts print) {
		this.print = print;
		try (InputStream in = PdfWriter.class.getClassLoader().getResourceAsStream(FONT)) {
			if (in == null) {
				throw new IllegalStateException("Font " + FONT + " not found on the class path");
			}
			this.awt = java.awt.Font.createFont(java.awt.Font.TRUETYPE_FONT,
					new ByteArrayInputStream(in.readAllBytes()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (FontFormatException ex) {
			throw new IllegalStateException("Font " + FONT + " cannot be read", ex);
		}
	}

	/** The main font for a PDF. */
	BaseFont pdf() {
		return this.print.base();
	}

	/**
	 * The font for Java2D at a size and style ({@link java.awt.Font#BOLD} is
	 * synthesised).
	 */
	java.awt.Font image(int style, float size) {
		return this.awt.deriveFont(style, size);
	}

}
