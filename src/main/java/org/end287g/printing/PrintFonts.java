package org.end287g.printing;

import java.awt.FontFormatException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import com.lowagie.text.Chunk;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.FontSelector;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfStamper;
import com.lowagie.text.pdf.PdfWriter;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The fonts of every PDF the site prints, embedded (subset) so that a packet prints the
 * same everywhere with nothing but a JDK. Liberation Sans, which OpenPDF ships in its
 * jar, comes first (Latin with every accent, Greek, Cyrillic, Hebrew); Noto Sans Arabic,
 * Ethiopic, Armenian and Georgian, Droid Sans Fallback (Chinese, Japanese) and
 * NanumSquare (Korean) from {@code printing/fonts/} print what it lacks. {@link #phrase}
 * picks a font per character. Scripts that need shaping OpenPDF does not do (Devanagari,
 * Thai, Khmer and the like) are not covered and print blank.
 */
@Component
public class PrintFonts {

	private static final String LIBERATION = "font-fallback/LiberationSans-Regular.ttf";

	private static final List<String> FALLBACKS = List.of("printing/fonts/NotoSansArabic-Regular.ttf",
			"printing/fonts/NotoSansEthiopic-Regular.ttf", "printing/fonts/NotoSansArmenian-Regular.ttf",
			"printing/fonts/NotoSansGeorgian-Regular.ttf", "printing/fonts/DroidSansFallbackFull.ttf",
			"printing/fonts/NanumSquareR.ttf");

	/** Liberation Sans for Java2D, read on first use. */
	private volatile java.awt.@Nullable Font image;

	/** Read on first use (about 5 MB), then kept; null until then. */
	private volatile @Nullable Loaded loaded;

	private record Loaded(BaseFont base, List<BaseFont> fallbacks) {
	}

	private Loaded loaded() {
		Loaded fonts = this.loaded;
		if (fonts == null) {
			synchronized (this) {
				fonts = this.loaded;
				if (fonts == null) {
					List<BaseFont> fallbacks = new ArrayList<>();
					for (String path : FALLBACKS) {
						fallbacks.add(load(path, PrintFonts.class.getClassLoader()));
					}
					fonts = new Loaded(load(LIBERATION, PdfWriter.class.getClassLoader()), List.copyOf(fallbacks));
					this.loaded = fonts;
				}
			}
		}
		return fonts;
	}

	/**
	 * Liberation Sans for an image drawn with Java2D (a share image), at a size and style
	 * ({@link java.awt.Font#BOLD} is synthesised): never a system font, so every instance
	 * draws the same.
	 */
	public java.awt.Font image(int style, float size) {
		java.awt.Font font = this.image;
		if (font == null) {
			try (InputStream in = PdfWriter.class.getClassLoader().getResourceAsStream(LIBERATION)) {
				if (in == null) {
					throw new IllegalStateException("Font " + LIBERATION + " not found on the class path");
				}
				font = java.awt.Font.createFont(java.awt.Font.TRUETYPE_FONT, in);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (FontFormatException ex) {
				throw new IllegalStateException("Font " + LIBERATION + " cannot be read", ex);
			}
			this.image = font;
		}
		return font.deriveFont(style, size);
	}

	/** The main font (Liberation Sans), for text the site itself writes. */
	public BaseFont base() {
		return loaded().base();
	}

	/** The main font at a size. */
	public Font font(float size) {
		return new Font(base(), size);
	}

	/**
	 * Text anyone may have typed (a name, a city, a comment) at a size: each character in
	 * the first font that has it.
	 */
	public Phrase phrase(String text, float size) {
		Loaded fonts = loaded();
		FontSelector selector = new FontSelector();
		selector.addFont(new Font(fonts.base(), size));
		for (BaseFont fallback : fonts.fallbacks()) {
			selector.addFont(new Font(fallback, size));
		}
		Phrase phrase = selector.process((text != null) ? text : "");
		phrase.setFont(new Font(fonts.base(), size));
		return phrase;
	}

	/**
	 * The run direction for a table cell or column holding the text: right to left when
	 * it holds Hebrew or Arabic letters (OpenPDF then also joins Arabic letters), else
	 * left to right.
	 */
	public static int runDirection(String text) {
		boolean rightToLeft = text != null && text.codePoints().anyMatch((c) -> {
			byte direction = Character.getDirectionality(c);
			return direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT
					|| direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC;
		});
		return rightToLeft ? PdfWriter.RUN_DIRECTION_RTL : PdfWriter.RUN_DIRECTION_LTR;
	}

	private static BaseFont load(String path, ClassLoader loader) {
		try (InputStream in = loader.getResourceAsStream(path)) {
			if (in == null) {
				throw new IllegalStateException("Font " + path + " not found on the class path");
			}
			String name = path.substring(path.lastIndexOf('/') + 1);
			return BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, in.readAllBytes(), null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (com.lowagie.text.DocumentException ex) {
			throw new IllegalStateException("Font " + path + " cannot be read", ex);
		}
	}

	/** A table cell of text anyone may have typed, in its own writing direction. */
	public PdfPCell cell(String value, float size) {
		PdfPCell cell = new PdfPCell(phrase(value, size));
		cell.setPadding(3);
		cell.setRunDirection(runDirection(value));
		return cell;
	}

	/**
	 * Stamps a footer centred at the foot of every page, once the number of pages is
	 * known: {@code label} is given the page and the number of pages ("Page 2 of 9").
	 */
	public byte[] numbered(byte[] pdf, BiFunction<Integer, Integer, String> label) throws IOException {
		PdfReader reader = new PdfReader(pdf);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			PdfStamper stamper = new PdfStamper(reader, out);
			int pages = reader.getNumberOfPages();
			Font footer = new Font(base(), 9);
			for (int page = 1; page <= pages; page++) {
				PdfContentByte over = stamper.getOverContent(page);
				float x = reader.getPageSize(page).getWidth() / 2;
				ColumnText.showTextAligned(over, Element.ALIGN_CENTER,
						new Phrase(new Chunk(label.apply(page, pages), footer)), x, 30, 0);
			}
			stamper.close();
		}
		catch (DocumentException ex) {
			throw new IOException(ex);
		}
		finally {
			reader.close();
		}
		return out.toByteArray();
	}

}
