package org.end287g.coalitions.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.text.TextContentRenderer;
import org.end287g.printing.PrintFonts;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A letter as PDF, in one language: its title, target, words (Markdown as plain text) and
 * every organization that signed, with the person who signed for it. The page is as wide
 * as A4 and as tall as US Letter, so it prints on either without losing a line; fonts are
 * {@link PrintFonts}', so names in any script print.
 */
@Component
class LetterPdf {

	/** A4's width (595 pt) by Letter's height (792 pt). */
	static final Rectangle PAGE = new Rectangle(PageSize.A4.getWidth(), PageSize.LETTER.getHeight());

	private static final Parser MARKDOWN = Parser.builder().build();

	private static final TextContentRenderer PLAIN = TextContentRenderer.builder().build();

	private final MessageSource messages;

	private final PrintFonts fonts;

	LetterPdf(MessageSource messages, PrintFonts fonts) {
		this.messages = messages;
		this.fonts = fonts;
	}

	byte[] pdf(Letter letter, List<Letters.Signature> signatures, Locale locale) {
		Locale language = Locale.forLanguageTag(letter.language(locale));
		try {
			BaseFont base = this.fonts.base();
			ByteArrayOutputStream first = new ByteArrayOutputStream();
			Document document = new Document(PAGE, 54, 54, 54, 60);
			PdfWriter writer = PdfWriter.getInstance(document, first);
			document.addTitle(letter.title(language));
			writer.getExtraCatalog().put(PdfName.LANG, new PdfString(language.getLanguage()));
			document.open();
			document.add(new Paragraph(this.fonts.phrase(letter.title(language), 17)));
			document.add(new Paragraph(" ", new Font(base, 8)));
			String to = letter.targetName() + ((letter.targetOffice() != null) ? ", " + letter.targetOffice() : "");
			document.add(new Paragraph(this.fonts.phrase(text("coalitions.pdf.to", language, to), 11)));
			if (letter.openedAt() != null) {
				document.add(new Paragraph(text("coalitions.pdf.date", language,
						DateTimeFormatter.ofPattern(this.messages.getMessage("date.long", null, language), language)
							.format(letter.openedAt())),
						new Font(base, 10)));
			}
			document.add(new Paragraph(" ", new Font(base, 8)));
			for (String paragraph : PLAIN.render(MARKDOWN.parse(letter.body(language))).split("\n\\s*\n")) {
				Paragraph words = new Paragraph(this.fonts.phrase(paragraph.strip(), 10.5f));
				words.setLeading(15);
				words.setSpacingAfter(6);
				document.add(words);
			}
			document.add(new Paragraph(" ", new Font(base, 8)));
			document
				.add(new Paragraph(text("coalitions.signers.count", language, signatures.size()), new Font(base, 13)));
			if (!signatures.isEmpty()) {
				document.add(table(signatures, language));
			}
			document.close();
			return this.fonts.numbered(first.toByteArray(),
					(page, pages) -> text("delivery.pdf.page", language, page, pages));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (DocumentException ex) {
			throw new IllegalStateException("Could not write the letter", ex);
		}
	}

	private PdfPTable table(List<Letters.Signature> signatures, Locale language) {
		PdfPTable table = new PdfPTable(new float[] { 4, 3, 3 });
		table.setWidthPercentage(100);
		table.setHeaderRows(1);
		table.setSpacingBefore(8);
		table.addCell(this.fonts.cell(text("coalitions.pdf.organization", language), 10));
		table.addCell(this.fonts.cell(text("coalitions.pdf.signer", language), 10));
		table.addCell(this.fonts.cell(text("coalitions.pdf.signerTitle", language), 10));
		for (Letters.Signature signature : signatures) {
			table.addCell(this.fonts.cell(signature.organization(), 10));
			table.addCell(this.fonts.cell(signature.signerName(), 10));
			table.addCell(this.fonts.cell((signature.signerTitle() != null) ? signature.signerTitle() : "", 10));
		}
		return table;
	}

	private String text(String key, Locale language, Object... args) {
		return this.messages.getMessage(key, args, language);
	}

}
