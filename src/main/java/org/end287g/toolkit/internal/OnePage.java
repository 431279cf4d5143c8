package org.end287g.toolkit.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;

/**
 * A PDF of exactly one page whose content is measured before it is drawn: a material lays
 * out its content at steps of sizes, from the roomiest to the tightest, and the first
 * step that fits the page is drawn. When even the tightest does not fit, the name (the
 * agency's, as long as ICE spells it) and then the body (a leader's petition, up to 5,000
 * characters and any number of lines) are cut after a word and end with an ellipsis; the
 * material then says where the whole text is. Nothing ever flows onto a second page, in
 * any language.
 */
final class OnePage {

	/** The ellipsis that ends a cut text. */
	static final String ELLIPSIS = "\u2026";

	/** How much of the body a long name leaves room for, in lines and characters. */
	static final int RESERVED_LINES = 4;

	static final int RESERVED_CHARACTERS = 300;

	private final PdfContentByte canvas;

	private final Rectangle box;

	private final Layout layout;

	private OnePage(PdfContentByte canvas, Rectangle box, Layout layout) {
		this.canvas = canvas;
		this.box = box;
		this.layout = layout;
	}

	/** A material's content at one step of sizes. */
	@FunctionalInterface
	interface Layout {

		/**
		 * The elements of the page.
		 * @param step the step of sizes, from 0 (the roomiest)
		 * @param name the name to print, perhaps cut
		 * @param body the body to print, perhaps cut
		 * @param cut whether the name or the body was cut (the page then says where the
		 * whole text is)
		 */
		List<Element> content(int step, String name, String body, boolean cut) throws DocumentException, IOException;

	}

	/**
	 * The PDF: one page of this size and margin, holding the layout's first step that
	 * fits, else its last step with the name and body cut to fit.
	 * @param steps how many steps the layout has
	 */
	static byte[] pdf(Rectangle size, float margin, String title, Locale language, int steps, String name, String body,
			Layout layout) {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			Document document = new Document(size, margin, margin, margin, margin);
			PdfWriter writer = PdfWriter.getInstance(document, out);
			document.addTitle(title);
			writer.getExtraCatalog().put(PdfName.LANG, new PdfString(language.getLanguage()));
			document.open();
			Rectangle box = new Rectangle(margin, margin, size.getWidth() - margin, size.getHeight() - margin);
			OnePage page = new OnePage(writer.getDirectContent(), box, layout);
			page.go(page.fitted(steps, name, body), false);
			document.close();
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (DocumentException ex) {
			throw new IllegalStateException("Could not write a printed material", ex);
		}
	}

	/** The content to draw: the first step that fits, else the last one cut. */
	private List<Element> fitted(int steps, String name, String body) throws DocumentException, IOException {
		for (int step = 0; step < steps; step++) {
			List<Element> content = this.layout.content(step, name, body, false);
			if (fits(content)) {
				return this.layout.content(step, name, body, false);
			}
		}
		int last = steps - 1;
		String start = start(body);
		String roomy = cut(name, (n) -> fits(this.layout.content(last, n, start, true)));
		// a page with no room for the start of the body still prints what it can of the
		// name
		String shortName = (roomy.isEmpty()) ? cut(name, (n) -> fits(this.layout.content(last, n, "", true))) : roomy;
		String shortBody = cut(body, (b) -> fits(this.layout.content(last, shortName, b, true)));
		return this.layout.content(last, shortName, shortBody, true);
	}

	/** Whether the content fits the page (laid out, not drawn). */
	private boolean fits(List<Element> content) throws DocumentException {
		return go(content, true);
	}

	/**
	 * Lays out (or draws) the content in the page's one column; true when all of it fit.
	 */
	private boolean go(List<Element> content, boolean simulate) throws DocumentException {
		ColumnText column = new ColumnText(this.canvas);
		column.setSimpleColumn(this.box.getLeft(), this.box.getBottom(), this.box.getRight(), this.box.getTop());
		for (Element element : content) {
			column.addElement(element);
		}
		return !ColumnText.hasMoreText(column.go(simulate));
	}

	/** A test of a text on the page. */
	@FunctionalInterface
	interface Fits {

		boolean test(String text) throws DocumentException, IOException;

	}

	/**
	 * The text itself when it fits, else its longest start that fits once cut after a
	 * word (or within one that fills a line) and ended with an ellipsis; empty when none
	 * does. Longer text never takes less room, so a binary search over its length finds
	 * the cut in a dozen layouts.
	 */
	static String cut(String text, Fits fits) throws DocumentException, IOException {
		if (text.isEmpty() || fits.test(text)) {
			return text;
		}
		int low = 0;
		int high = text.codePointCount(0, text.length()) - 1;
		while (low < high) {
			int middle = (low + high + 1) >>> 1;
			if (fits.test(cutAt(text, middle))) {
				low = middle;
			}
			else {
				high = middle - 1;
			}
		}
		if (low == 0) {
			return "";
		}
		String start = text.substring(0, text.offsetByCodePoints(0, low));
		int space = lastSpace(start);
		return (space > start.length() / 2) ? end(start.substring(0, space)) : end(start);
	}

	/**
	 * The start of the body the name must leave room for: its first lines and characters
	 * (at most {@link #RESERVED_LINES} and {@link #RESERVED_CHARACTERS}), ended with an
	 * ellipsis when that is not all of it.
	 */
	static String start(String body) {
		int end = body.length();
		int lines = 0;
		for (int i = 0; i < body.length(); i++) {
			if (body.charAt(i) == '\n' && ++lines == RESERVED_LINES) {
				end = i;
				break;
			}
		}
		String start = body.substring(0, end);
		if (start.codePointCount(0, start.length()) > RESERVED_CHARACTERS) {
			start = start.substring(0, start.offsetByCodePoints(0, RESERVED_CHARACTERS));
		}
		return (start.length() < body.length()) ? end(start) : body;
	}

	/** The first {@code codePoints} of the text, ended with an ellipsis. */
	static String cutAt(String text, int codePoints) {
		return end(text.substring(0, text.offsetByCodePoints(0, codePoints)));
	}

	private static String end(String start) {
		return start.stripTrailing() + ELLIPSIS;
	}

	private static int lastSpace(String text) {
		for (int i = text.length() - 1; i > 0; i--) {
			if (Character.isWhitespace(text.charAt(i))) {
				return i;
			}
		}
		return -1;
	}

}
