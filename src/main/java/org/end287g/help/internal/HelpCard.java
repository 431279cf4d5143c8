package org.end287g.help.internal;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.ListItem;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;
import org.end287g.SiteAddress;
import org.end287g.printing.PrintFonts;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The pocket card of a county (3.5 by 5 inches, one page in every language): the rights
 * to remember, then the help nearest the county, as many entries as fit at a size still
 * easy to read, and where to find the rest. Laid out before it is drawn, from the most
 * entries and roomiest size down, so nothing ever flows onto a second page.
 */
@Component
class HelpCard {

	/** 3.5 by 5 inches. */
	static final Rectangle SIZE = new Rectangle(252, 360);

	static final float MARGIN = 14;

	/** The most entries a card lists. */
	static final int MOST = 6;

	private static final float[] SIZES = { 10f, 9f, 8f, 7f };

	private static final String[] RIGHTS = { "help.card.right.silent", "help.card.right.door", "help.card.right.sign",
			"help.card.right.lawyer" };

	private final PrintFonts fonts;

	private final MessageSource messages;

	private final SiteAddress site;

	HelpCard(PrintFonts fonts, MessageSource messages, SiteAddress site) {
		this.fonts = fonts;
		this.messages = messages;
		this.site = site;
	}

	byte[] pdf(HelpPlace place, List<HelpDirectory.Found> found, Locale language) {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			Document document = new Document(SIZE, MARGIN, MARGIN, MARGIN, MARGIN);
			PdfWriter writer = PdfWriter.getInstance(document, out);
			document.addTitle(text("help.card.title", language, place.label()));
			writer.getExtraCatalog().put(PdfName.LANG, new PdfString(language.getLanguage()));
			document.open();
			List<Element> content = fitted(writer, place, found, language);
			column(writer, content).go(false);
			document.close();
			return out.toByteArray();
		}
		catch (DocumentException ex) {
			throw new IllegalStateException("Could not write a help card", ex);
		}
	}

	private List<Element> fitted(PdfWriter writer, HelpPlace place, List<HelpDirectory.Found> found, Locale language)
			throws DocumentException {
		for (int shown = Math.min(MOST, found.size()); shown >= 0; shown--) {
			for (float size : SIZES) {
				List<Element> content = content(place, found.subList(0, shown), found.size(), size, language);
				if (!ColumnText.hasMoreText(column(writer, content).go(true))) {
					return content(place, found.subList(0, shown), found.size(), size, language);
				}
			}
		}
		return content(place, List.of(), found.size(), SIZES[SIZES.length - 1], language);
	}

	private ColumnText column(PdfWriter writer, List<Element> content) {
		ColumnText column = new ColumnText(writer.getDirectContent());
		column.setSimpleColumn(MARGIN, MARGIN, SIZE.getWidth() - MARGIN, SIZE.getHeight() - MARGIN);
		for (Element element : content) {
			column.addElement(element);
		}
		return column;
	}

	private List<Element> content(HelpPlace place, List<HelpDirectory.Found> shown, int total, float size,
			Locale language) {
		BaseFont base = this.fonts.base();
		Font bold = new Font(base, size, Font.BOLD);
		Font body = new Font(base, size);
		List<Element> page = new ArrayList<>();
		page.add(
				paragraph(text("help.card.title", language, place.label()), new Font(base, size + 3, Font.BOLD), 0, 3));
		page.add(paragraph(text("help.card.rights", language), bold, 0, 1));
		com.lowagie.text.List rights = new com.lowagie.text.List(false, size);
		rights.setListSymbol(new Chunk("\u2022 ", body));
		for (String right : RIGHTS) {
			ListItem item = new ListItem(text(right, language), body);
			item.setLeading(size * 1.2f);
			rights.add(item);
		}
		page.add(rights);
		page.add(paragraph(text("help.card.help", language), bold, 4, 1));
		if (shown.isEmpty()) {
			page.add(paragraph(text("help.card.none", language), body, 0, 2));
		}
		for (HelpDirectory.Found f : shown) {
			HelpEntry entry = f.entry();
			Paragraph line = new Paragraph();
			line.setLeading(size * 1.2f);
			line.setSpacingAfter(2);
			Phrase name = this.fonts.phrase(entry.name(), size);
			for (Object chunk : name) {
				if (chunk instanceof Chunk c) {
					c.getFont().setStyle(Font.BOLD);
				}
			}
			line.add(name);
			StringBuilder details = new StringBuilder("\n");
			details.append(text("help.kind." + entry.kind(), language));
			if (entry.phone() != null) {
				details.append(" \u00b7 ").append(entry.phone());
			}
			details.append(" \u00b7 ").append(entry.languageNames(language));
			line.add(this.fonts.phrase(details.toString(), size));
			page.add(line);
		}
		String more = this.site.link("/help?county=" + place.county().fips());
		if (total > shown.size()) {
			page.add(paragraph(text("help.card.more", language, total - shown.size()), body, 2, 0));
		}
		page.add(paragraph(more, bold, 2, 0));
		page.add(paragraph(text("help.card.note", language), new Font(base, size - 1), 3, 0));
		return page;
	}

	private static Paragraph paragraph(String text, Font font, float before, float after) {
		Paragraph paragraph = new Paragraph(text, font);
		paragraph.setLeading(font.getSize() * 1.2f);
		paragraph.setSpacingBefore(before);
		paragraph.setSpacingAfter(after);
		return paragraph;
	}

	private String text(String key, Locale language, Object... args) {
		return this.messages.getMessage(key, args, language);
	}

}
