package org.end287g.toolkit.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import org.end287g.impact.HeadlineFigures.HeadlineFigure;
import org.end287g.tracker.AgreementView;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The flyer and the handout of a campaign as PDF (US Letter, one page each; the signature
 * sheet is {@link SignatureSheet}). Black text on white, no tints, nothing under 9
 * points: they stay readable on a black-and-white photocopy. Each is laid out by
 * {@link OnePage}, so the longest agency name and petition still fit one page in English
 * and in Spanish, and its QR code opens the campaign page in the material's language with
 * the material's referral code.
 */
@Component
class PrintedMaterials {

	/** The flyer's steps of sizes, from the roomiest: title, petition, QR code, why. */
	private static final float[][] FLYER = { { 30, 13, 220, 12 }, { 26, 12, 200, 11.5f }, { 22, 11, 180, 11 },
			{ 18, 11, 170, 11 } };

	/** The handout's steps of sizes: title, headings, text, QR code. */
	private static final float[][] HANDOUT = { { 20, 13, 10.5f, 110 }, { 18, 12, 10, 100 }, { 16, 11.5f, 9.5f, 90 },
			{ 16, 11, 9, 90 } };

	/**
	 * The referral codes QR codes carry: the page's (and dashboard's), the flyer's and
	 * the handout's.
	 */
	static final List<String> REFERRALS = List.of("qr", "flyer", "handout");

	private final ToolkitFonts fonts;

	private final MessageSource messages;

	private final CampaignFacts facts;

	PrintedMaterials(ToolkitFonts fonts, MessageSource messages, CampaignFacts facts) {
		this.fonts = fonts;
		this.messages = messages;
		this.facts = facts;
	}

	/**
	 * The address a printed QR code opens: the campaign page in the material's language,
	 * with the material as referral code.
	 */
	static String link(CampaignFacts.Facts facts, Locale language, String referral) {
		return facts.url() + "?lang=" + language.getLanguage() + "&ref=" + referral;
	}

	byte[] flyer(CampaignFacts.Facts facts, Locale language) {
		BaseFont base = this.fonts.pdf();
		Image qr = qr(link(facts, language, "flyer"), 600);
		return OnePage.pdf(PageSize.LETTER, 50, text("toolkit.flyer.title", language, facts.agency()), language,
				FLYER.length, facts.agency(), this.facts.petition(facts, language), (step, agency, petition, cut) -> {
					float[] sizes = FLYER[step];
					List<Element> page = new ArrayList<>();
					page.add(paragraph(text("toolkit.flyer.kicker", language), new Font(base, 16, Font.BOLD), 0, 6));
					Paragraph title = paragraph(text("toolkit.flyer.title", language, agency),
							new Font(base, sizes[0], Font.BOLD), 0, 12);
					title.setLeading(sizes[0] * 1.15f);
					page.add(title);
					Paragraph petitionText = paragraph(petition, new Font(base, sizes[1]), 0, cut ? 4 : 12);
					petitionText.setLeading(sizes[1] * 1.35f);
					page.add(petitionText);
					if (cut) {
						page.add(
								paragraph(text("toolkit.print.whole", language), new Font(base, 11, Font.BOLD), 0, 12));
					}
					page.add(paragraph(text("toolkit.flyer.count", language, facts.count(), facts.campaign().goal()),
							new Font(base, 14, Font.BOLD), 0, 8));
					page.add(centred(qr, sizes[2]));
					Paragraph scan = paragraph(text("toolkit.flyer.scan", language), new Font(base, 14, Font.BOLD), 4,
							2);
					scan.setAlignment(Element.ALIGN_CENTER);
					page.add(scan);
					Paragraph url = paragraph(facts.url(), new Font(base, 13), 0, 12);
					url.setAlignment(Element.ALIGN_CENTER);
					page.add(url);
					Paragraph why = paragraph(text("toolkit.flyer.why", language), new Font(base, sizes[3]), 0, 0);
					why.setLeading(sizes[3] * 1.3f);
					page.add(why);
					return page;
				});
	}

	/**
	 * The handout; {@code headline}, the agency's headline figure when we have one, is
	 * printed under "why it matters" with its source.
	 */
	byte[] handout(CampaignFacts.Facts facts, Locale language, @Nullable HeadlineFigure headline) {
		BaseFont base = this.fonts.pdf();
		Image qr = qr(link(facts, language, "handout"), 400);
		DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(language);
		return OnePage.pdf(PageSize.LETTER, 50, text("toolkit.handout.title", language, facts.place()), language,
				HANDOUT.length, facts.agency(), "", (step, agency, unused, cut) -> {
					float[] sizes = HANDOUT[step];
					Font h2 = new Font(base, sizes[1], Font.BOLD);
					Font body = new Font(base, sizes[2]);
					List<Element> page = new ArrayList<>();
					page.add(paragraph(text("toolkit.handout.title", language, facts.place()),
							new Font(base, sizes[0], Font.BOLD), 0, 6));
					page.add(paragraph(text("toolkit.handout.what.title", language), h2, 4, 2));
					page.add(paragraph(text("toolkit.handout.what", language), body, 0, 4));
					page.add(paragraph(text("toolkit.handout.local.title", language, agency), h2, 6, 2));
					if (facts.agreements().isEmpty()) {
						page.add(paragraph(text("toolkit.handout.local.none", language, agency), body, 0, 4));
					}
					for (AgreementView agreement : facts.agreements()) {
						String model = text("model." + agreement.model() + ".name", language) + " (" + agreement.model()
								+ ")";
						String signed = (agreement.signed() != null) ? dates.format(agreement.signed())
								: text("toolkit.handout.local.unsigned", language);
						page.add(paragraph(
								text("toolkit.handout.local.agreement", language, model, signed,
										text("toolkit.status." + agreement.status(), language)),
								new Font(base, sizes[2], Font.BOLD), 2, 1));
						page.add(paragraph(text("model." + agreement.model() + ".explain", language), body, 0, 3));
					}
					page.add(paragraph(text("toolkit.handout.harm.title", language), h2, 6, 2));
					page.add(paragraph(text("toolkit.handout.harm", language), body, 0, 4));
					if (headline != null) {
						page.add(paragraph(headline.text(), new Font(base, sizes[2], Font.BOLD), 2, 1));
						page.add(paragraph(headline.source(), new Font(base, 9), 0, 4));
					}
					page.add(paragraph(text("toolkit.handout.act.title", language), h2, 6, 2));
					page.add(paragraph(
							text("toolkit.handout.act", language, agency, facts.count(), facts.campaign().goal()), body,
							0, 6));
					page.add(linkTable(qr, sizes[3], text("toolkit.flyer.scan", language), facts.url(), h2, body));
					page.add(paragraph(text("toolkit.handout.source", language), new Font(base, 9), 8, 0));
					return page;
				});
	}

	/** The QR code beside the words to scan it and the address. */
	private static PdfPTable linkTable(Image qr, float size, String scan, String url, Font heading, Font body) {
		PdfPTable link = new PdfPTable(new float[] { 1, 3 });
		link.setWidthPercentage(100);
		PdfPCell code = new PdfPCell(scaled(qr, size), false);
		code.setBorder(Rectangle.NO_BORDER);
		link.addCell(code);
		PdfPCell address = new PdfPCell();
		address.setBorder(Rectangle.NO_BORDER);
		address.setVerticalAlignment(Element.ALIGN_MIDDLE);
		address.addElement(paragraph(scan, heading, 0, 2));
		address.addElement(paragraph(url, body, 0, 0));
		link.addCell(address);
		return link;
	}

	/** The QR code in the middle of the line, {@code size} points a side. */
	private static PdfPTable centred(Image qr, float size) {
		PdfPTable table = new PdfPTable(1);
		table.setWidthPercentage(100);
		PdfPCell cell = new PdfPCell(scaled(qr, size), false);
		cell.setBorder(Rectangle.NO_BORDER);
		cell.setHorizontalAlignment(Element.ALIGN_CENTER);
		table.addCell(cell);
		return table;
	}

	/** A copy of the image at a size (each layout tried gets its own). */
	private static Image scaled(Image image, float size) {
		Image copy = Image.getInstance(image);
		copy.scaleToFit(size, size);
		return copy;
	}

	static Paragraph paragraph(String text, Font font, float before, float after) {
		Paragraph paragraph = new Paragraph(text, font);
		paragraph.setSpacingBefore(before);
		paragraph.setSpacingAfter(after);
		return paragraph;
	}

	/** The QR code of a link as a PDF image of about {@code size} pixels a side. */
	static Image qr(String url, int size) {
		BufferedImage image = QrCodes.image(url, size);
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", png);
			return Image.getInstance(png.toByteArray());
		}
		catch (IOException | DocumentException ex) {
			throw new IllegalStateException("Could not draw a QR code", ex);
		}
	}

	private String text(String key, Locale language, Object... args) {
		return this.messages.getMessage(key, args, language);
	}

}
