package org.end287g.toolkit.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import javax.imageio.ImageIO;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;
import org.end287g.tracker.AgreementView;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The printed materials of a campaign as PDF (US Letter): a flyer, a paper signature
 * sheet and a one-page handout on 287(g) and the local agreement. Black text on white, no
 * tints, nothing under 9 points: they stay readable on a black-and-white photocopy.
 */
@Component
class PrintedMaterials {

	/** Rows on one signature sheet. */
	static final int SHEET_ROWS = 12;

	private final ToolkitFonts fonts;

	private final MessageSource messages;

	private final CampaignFacts facts;

	PrintedMaterials(ToolkitFonts fonts, MessageSource messages, CampaignFacts facts) {
		this.fonts = fonts;
		this.messages = messages;
		this.facts = facts;
	}

	byte[] flyer(CampaignFacts.Facts facts, Locale language) {
		return write(PageSize.LETTER, 60, language, "toolkit.flyer.title", facts, (document, base) -> {
			document.add(paragraph(text("toolkit.flyer.kicker", language), new Font(base, 16, Font.BOLD), 0, 6));
			document.add(paragraph(text("toolkit.flyer.title", language, facts.agency()), new Font(base, 30, Font.BOLD),
					0, 14));
			Paragraph petition = paragraph(this.facts.petition(facts, language), new Font(base, 13), 0, 14);
			petition.setLeading(18);
			document.add(petition);
			document.add(paragraph(text("toolkit.flyer.count", language, facts.count(), facts.campaign().goal()),
					new Font(base, 14, Font.BOLD), 0, 10));
			Image qr = qr(facts.url(), 600);
			qr.scaleToFit(220, 220);
			qr.setAlignment(Element.ALIGN_CENTER);
			document.add(qr);
			Paragraph scan = paragraph(text("toolkit.flyer.scan", language), new Font(base, 14, Font.BOLD), 6, 4);
			scan.setAlignment(Element.ALIGN_CENTER);
			document.add(scan);
			Paragraph url = paragraph(facts.url(), new Font(base, 13), 0, 14);
			url.setAlignment(Element.ALIGN_CENTER);
			document.add(url);
			document.add(paragraph(text("toolkit.flyer.why", language), new Font(base, 12), 0, 0));
		});
	}

	byte[] signatureSheet(CampaignFacts.Facts facts, Locale language, @Nullable Integer sheet) {
		return write(PageSize.LETTER.rotate(), 30, language, "toolkit.sheet.title", facts, (document, base) -> {
			Font small = new Font(base, 9);
			Font body = new Font(base, 10);
			PdfPTable top = new PdfPTable(new float[] { 5, 2 });
			top.setWidthPercentage(100);
			PdfPCell heading = new PdfPCell();
			heading.setBorder(Rectangle.NO_BORDER);
			heading.addElement(paragraph(text("toolkit.sheet.title", language, facts.agency()),
					new Font(base, 15, Font.BOLD), 0, 2));
			Paragraph petition = paragraph(this.facts.petition(facts, language), small, 0, 2);
			petition.setLeading(11);
			heading.addElement(petition);
			heading.addElement(
					paragraph(text("toolkit.sheet.goal", language, facts.campaign().goal(), facts.url()), small, 0, 0));
			top.addCell(heading);
			PdfPCell number = new PdfPCell();
			number.setPadding(6);
			number.addElement(
					paragraph(text("toolkit.sheet.number", language, (sheet != null) ? sheet.toString() : "______"),
							new Font(base, 13, Font.BOLD), 0, 6));
			number.addElement(paragraph(text("toolkit.sheet.event", language), body, 0, 6));
			number.addElement(paragraph(text("toolkit.sheet.date", language), body, 0, 6));
			number.addElement(paragraph(text("toolkit.sheet.collector", language), body, 0, 0));
			top.addCell(number);
			top.setSpacingAfter(6);
			document.add(top);
			PdfPTable rows = new PdfPTable(new float[] { 0.5f, 2.4f, 2.4f, 3.4f, 1f, 3f, 1f, 2.6f });
			rows.setWidthPercentage(100);
			rows.setHeaderRows(1);
			Font header = new Font(base, 9, Font.BOLD);
			for (String column : new String[] { "number", "first", "last", "address", "zip", "email", "updates",
					"signature" }) {
				PdfPCell cell = new PdfPCell(new Phrase(text("toolkit.sheet.column." + column, language), header));
				cell.setPadding(3);
				rows.addCell(cell);
			}
			for (int row = 1; row <= SHEET_ROWS; row++) {
				PdfPCell n = new PdfPCell(new Phrase(Integer.toString(row), body));
				n.setMinimumHeight(27);
				n.setVerticalAlignment(Element.ALIGN_MIDDLE);
				rows.addCell(n);
				for (int c = 0; c < 7; c++) {
					PdfPCell blank = new PdfPCell(new Phrase(" ", body));
					blank.setMinimumHeight(27);
					rows.addCell(blank);
				}
			}
			document.add(rows);
			document.add(paragraph(text("toolkit.sheet.privacy", language), small, 4, 0));
			document.add(paragraph(text("toolkit.sheet.typeBack", language), small, 2, 0));
		});
	}

	byte[] handout(CampaignFacts.Facts facts, Locale language) {
		return write(PageSize.LETTER, 50, language, "toolkit.handout.title", facts, (document, base) -> {
			Font h1 = new Font(base, 20, Font.BOLD);
			Font h2 = new Font(base, 13, Font.BOLD);
			Font body = new Font(base, 10.5f);
			document.add(paragraph(text("toolkit.handout.title", language, facts.place()), h1, 0, 8));
			document.add(paragraph(text("toolkit.handout.what.title", language), h2, 4, 2));
			document.add(paragraph(text("toolkit.handout.what", language), body, 0, 4));
			document.add(paragraph(text("toolkit.handout.local.title", language, facts.agency()), h2, 6, 2));
			if (facts.agreements().isEmpty()) {
				document.add(paragraph(text("toolkit.handout.local.none", language, facts.agency()), body, 0, 4));
			}
			DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(language);
			for (AgreementView agreement : facts.agreements()) {
				String model = text("model." + agreement.model() + ".name", language) + " (" + agreement.model() + ")";
				String signed = (agreement.signed() != null) ? dates.format(agreement.signed())
						: text("toolkit.handout.local.unsigned", language);
				document.add(paragraph(text("toolkit.handout.local.agreement", language, facts.agency(), model, signed,
						text("toolkit.status." + agreement.status(), language)), body, 2, 1));
				document.add(paragraph(text("model." + agreement.model() + ".explain", language), body, 0, 3));
			}
			document.add(paragraph(text("toolkit.handout.harm.title", language), h2, 6, 2));
			document.add(paragraph(text("toolkit.handout.harm", language), body, 0, 4));
			document.add(paragraph(text("toolkit.handout.act.title", language), h2, 6, 2));
			document.add(paragraph(
					text("toolkit.handout.act", language, facts.agency(), facts.count(), facts.campaign().goal()), body,
					0, 6));
			PdfPTable link = new PdfPTable(new float[] { 1, 3 });
			link.setWidthPercentage(100);
			Image qr = qr(facts.url(), 400);
			qr.scaleToFit(110, 110);
			PdfPCell code = new PdfPCell(qr, false);
			code.setBorder(Rectangle.NO_BORDER);
			link.addCell(code);
			PdfPCell address = new PdfPCell();
			address.setBorder(Rectangle.NO_BORDER);
			address.setVerticalAlignment(Element.ALIGN_MIDDLE);
			address.addElement(paragraph(text("toolkit.flyer.scan", language), h2, 0, 2));
			address.addElement(paragraph(facts.url(), body, 0, 0));
			link.addCell(address);
			document.add(link);
			document.add(paragraph(text("toolkit.handout.source", language), new Font(base, 9), 8, 0));
		});
	}

	interface Body {

		void write(Document document, BaseFont base) throws DocumentException, IOException;

	}

	private byte[] write(Rectangle size, float margin, Locale language, String titleKey, CampaignFacts.Facts facts,
			Body body) {
		try {
			BaseFont base = this.fonts.pdf();
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			Document document = new Document(size, margin, margin, margin, margin);
			PdfWriter writer = PdfWriter.getInstance(document, out);
			document.addTitle(text(titleKey, language, facts.agency()));
			writer.getExtraCatalog().put(PdfName.LANG, new PdfString(language.getLanguage()));
			document.open();
			body.write(document, base);
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

	private static Paragraph paragraph(String text, Font font, float before, float after) {
		Paragraph paragraph = new Paragraph(text, font);
		paragraph.setSpacingBefore(before);
		paragraph.setSpacingAfter(after);
		return paragraph;
	}

	private static Image qr(String url, int size) throws IOException {
		BufferedImage image = QrCodes.image(url, size);
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		ImageIO.write(image, "png", png);
		try {
			return Image.getInstance(png.toByteArray());
		}
		catch (DocumentException ex) {
			throw new IOException(ex);
		}
	}

	private String text(String key, Locale language, Object... args) {
		return this.messages.getMessage(key, args, language);
	}

}
