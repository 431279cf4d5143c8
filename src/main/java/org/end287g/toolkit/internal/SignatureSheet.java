package org.end287g.toolkit.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The paper signature sheet (US Letter, landscape, one page): the petition, what the
 * delivered petition shows of a signer, and twelve numbered rows with exactly the columns
 * paper entry keeps (first and last name, ZIP code, e-mail address, comment, the
 * "updates" box), in the order the leader types them back. A petition too long for the
 * sheet is cut and the sheet says it is whole on the campaign page, whose address it
 * prints.
 */
@Component
class SignatureSheet {

	/** Rows on one sheet. */
	static final int ROWS = 12;

	/** The columns, as paper entry keeps them, and their relative widths. */
	static final List<String> COLUMNS = List.of("number", "first", "last", "zip", "email", "comment", "updates");

	private static final float[] WIDTHS = { 0.45f, 2.3f, 2.3f, 1.5f, 2.8f, 3.2f, 1.2f };

	/** The steps of the title's size, from the roomiest. */
	private static final float[] TITLE = { 15, 13, 12 };

	/** A row's height: wide-ruled paper's line, a third of an inch. */
	private static final float ROW_HEIGHT = 25;

	private final ToolkitFonts fonts;

	private final MessageSource messages;

	private final CampaignFacts facts;

	SignatureSheet(ToolkitFonts fonts, MessageSource messages, CampaignFacts facts) {
		this.fonts = fonts;
		this.messages = messages;
		this.facts = facts;
	}

	byte[] pdf(CampaignFacts.Facts facts, Locale language, @Nullable Integer sheet) {
		BaseFont base = this.fonts.pdf();
		Font small = new Font(base, 9);
		Font body = new Font(base, 10);
		String number = text("toolkit.sheet.number", language, (sheet != null) ? sheet.toString() : "______");
		return OnePage.pdf(PageSize.LETTER.rotate(), 30, text("toolkit.sheet.title", language, facts.agency()),
				language, TITLE.length, facts.agency(), this.facts.petition(facts, language),
				(step, agency, petition, cut) -> {
					List<Element> page = new ArrayList<>();
					page.add(top(text("toolkit.sheet.title", language, agency), new Font(base, TITLE[step], Font.BOLD),
							number, new Font(base, 13, Font.BOLD)));
					page.add(blanks(body, text("toolkit.sheet.event", language), text("toolkit.sheet.date", language),
							text("toolkit.sheet.collector", language)));
					Paragraph petitionText = PrintedMaterials.paragraph(petition, small, 4, 2);
					petitionText.setLeading(11);
					page.add(petitionText);
					if (cut) {
						page.add(PrintedMaterials.paragraph(text("toolkit.print.whole", language),
								new Font(base, 9, Font.BOLD), 0, 2));
					}
					page.add(PrintedMaterials.paragraph(
							text("toolkit.sheet.goal", language, facts.campaign().goal(), facts.url()), small, 0, 4));
					Paragraph privacy = PrintedMaterials.paragraph(text("toolkit.sheet.privacy", language),
							new Font(base, 9, Font.BOLD), 0, 4);
					privacy.setLeading(11);
					page.add(privacy);
					page.add(rows(language, new Font(base, 9, Font.BOLD), body));
					page.add(PrintedMaterials.paragraph(text("toolkit.sheet.typeBack", language), small, 4, 0));
					return page;
				});
	}

	/** The title beside the sheet's number, in a box. */
	private static PdfPTable top(String title, Font font, String number, Font numberFont) {
		PdfPTable top = new PdfPTable(new float[] { 5, 1.4f });
		top.setWidthPercentage(100);
		PdfPCell heading = new PdfPCell();
		heading.setBorder(Rectangle.NO_BORDER);
		heading.setPaddingLeft(0);
		Paragraph words = PrintedMaterials.paragraph(title, font, 0, 0);
		words.setLeading(font.getSize() * 1.2f);
		heading.addElement(words);
		top.addCell(heading);
		PdfPCell box = new PdfPCell(new Phrase(number, numberFont));
		box.setPadding(5);
		box.setVerticalAlignment(Element.ALIGN_MIDDLE);
		top.addCell(box);
		return top;
	}

	/** One line of blanks to fill in by hand: the event, the date, the collector. */
	private static PdfPTable blanks(Font font, String... blanks) {
		PdfPTable line = new PdfPTable(blanks.length);
		line.setWidthPercentage(100);
		line.setSpacingBefore(4);
		for (String blank : blanks) {
			PdfPCell cell = new PdfPCell(new Phrase(blank, font));
			cell.setBorder(Rectangle.NO_BORDER);
			cell.setPaddingLeft(0);
			line.addCell(cell);
		}
		return line;
	}

	/** The numbered rows under a header of the columns. */
	private PdfPTable rows(Locale language, Font header, Font body) {
		PdfPTable rows = new PdfPTable(WIDTHS);
		rows.setWidthPercentage(100);
		rows.setHeaderRows(1);
		for (String column : COLUMNS) {
			PdfPCell cell = new PdfPCell(new Phrase(text("toolkit.sheet.column." + column, language), header));
			cell.setPadding(3);
			rows.addCell(cell);
		}
		for (int row = 1; row <= ROWS; row++) {
			PdfPCell n = new PdfPCell(new Phrase(Integer.toString(row), body));
			n.setMinimumHeight(ROW_HEIGHT);
			n.setVerticalAlignment(Element.ALIGN_MIDDLE);
			rows.addCell(n);
			for (int c = 1; c < COLUMNS.size(); c++) {
				PdfPCell blank = new PdfPCell(new Phrase(" ", body));
				blank.setMinimumHeight(ROW_HEIGHT);
				rows.addCell(blank);
			}
		}
		return rows;
	}

	private String text(String key, Locale language, Object... args) {
		return this.messages.getMessage(key, args, language);
	}

}
