package org.end287g.toolkit.internal;

import com.lowagie.text.pdf.BaseFont;
import org.end287g.printing.PrintFonts;

import org.springframework.stereotype.Component;

/**
 * The fonts of the toolkit's materials: the shared {@link PrintFonts}, Liberation Sans
 * from the jar, for PDFs and for images drawn with Java2D alike.
 */
@Component
class ToolkitFonts {

	private final PrintFonts print;

	ToolkitFonts(PrintFonts print) {
		this.print = print;
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
		return this.print.image(style, size);
	}

}
