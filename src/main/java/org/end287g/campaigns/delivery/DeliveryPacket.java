package org.end287g.campaigns.delivery;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import org.end287g.campaigns.Campaign;
import org.end287g.campaigns.signing.Signers;
import org.end287g.printing.PrintFonts;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The packet leaders hand to the target: the petition, the target, the count and the
 * signers by city, as PDF or CSV. Each signer's name and city only, and their comment
 * when the leader asks for comments: never e-mail addresses or ZIP codes (the sheets and
 * the signing form promise it).
 * <p>
 * The PDF embeds the fonts of {@link PrintFonts}, so names in Latin, Greek, Cyrillic,
 * Hebrew, Arabic, Ethiopic, Armenian, Georgian, Chinese, Japanese and Korean script print
 * with nothing but a JDK.
 */
@Component
class DeliveryPacket {

	private static final DateTimeFormatter SIGNED = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

	private final MessageSource messages;

	private final PrintFonts fonts;

	DeliveryPacket(MessageSource messages, PrintFonts fonts) {
		this.messages = messages;
		this.fonts = fonts;
	}

	/** What the packet says about the campaign, already in the packet's language. */
	record Contents(Campaign campaign, String agency, String petition, long count, List<Signers.Signer> signers,
			boolean comments, Locale language) {
	}

	byte[] pdf(Contents contents) {
		try {
			BaseFont base = this.fonts.base();
			Styles styles = new Styles(new Font(base, 18), new Font(base, 13), new Font(base, 10.5f),
					new Font(base, 9));
			ByteArrayOutputStream first = new ByteArrayOutputStream();
			Document document = new Document(PageSize.LETTER, 50, 50, 50, 60);
			PdfWriter writer = PdfWriter.getInstance(document, first);
			Locale language = contents.language();
			document.addTitle(text("delivery.pdf.title", language, contents.agency()));
			writer.getExtraCatalog()
				.put(com.lowagie.text.pdf.PdfName.LANG, new com.lowagie.text.pdf.PdfString(language.getLanguage()));
			document.open();
			intro(document, contents, styles);
			signers(document, contents, styles);
			document.close();
			return this.fonts.numbered(first.toByteArray(),
					(page, pages) -> text("delivery.pdf.page", language, page, pages));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (DocumentException ex) {
			throw new IllegalStateException("Could not write the delivery packet", ex);
		}
	}

	/** The packet's fonts by role. */
	private record Styles(Font title, Font heading, Font body, Font small) {
	}

	/** The title, the petition, the target and the count. */
	private void intro(Document document, Contents contents, Styles styles) {
		Locale language = contents.language();
		document.add(new Paragraph(text("delivery.pdf.title", language, contents.agency()), styles.title()));
		document.add(new Paragraph(" ", styles.small()));
		Paragraph petition = new Paragraph(this.fonts.phrase(contents.petition(), 10.5f));
		petition.setLeading(15);
		document.add(petition);
		document.add(new Paragraph(" ", styles.small()));
		document.add(new Paragraph(text("delivery.pdf.target", language), styles.heading()));
		document.add(new Paragraph(contents.agency(), styles.body()));
		Campaign.Head head = contents.campaign().head();
		if (head.name() != null) {
			String role = (head.title() != null) ? text("campaigns.head." + head.title(), language) + ": " : "";
			document.add(new Paragraph(this.fonts.phrase(role + head.name(), 10.5f)));
		}
		document.add(new Paragraph(" ", styles.small()));
		document.add(new Paragraph(text("delivery.pdf.count", language, contents.count()), styles.heading()));
	}

	/**
	 * The signers in one table (they come sorted by city): name and city, and the comment
	 * when asked for.
	 */
	private void signers(Document document, Contents contents, Styles styles) {
		Locale language = contents.language();
		if (contents.signers().isEmpty()) {
			document.add(new Paragraph(text("delivery.pdf.none", language), styles.body()));
			return;
		}
		PdfPTable table = table(contents.comments(), language);
		table.setSpacingBefore(8);
		for (Signers.Signer signer : contents.signers()) {
			table.addCell(this.fonts.cell(signer.name(), 10.5f));
			table.addCell(this.fonts
				.cell(signer.city().isEmpty() ? text("delivery.pdf.noCity", language) : signer.city(), 10.5f));
			if (contents.comments()) {
				table.addCell(this.fonts.cell((signer.comment() != null) ? signer.comment() : "", 9));
			}
		}
		document.add(table);
	}

	private PdfPTable table(boolean comments, Locale language) {
		PdfPTable table = new PdfPTable(comments ? new float[] { 3, 2, 4 } : new float[] { 3, 2 });
		table.setWidthPercentage(100);
		table.setHeaderRows(1);
		table.addCell(this.fonts.cell(text("delivery.pdf.name", language), 10));
		table.addCell(this.fonts.cell(text("delivery.pdf.city", language), 10));
		if (comments) {
			table.addCell(this.fonts.cell(text("delivery.pdf.comment", language), 10));
		}
		return table;
	}

	/** UTF-8 with a byte order mark (spreadsheets then read accents right). */
	byte[] csv(Contents contents) {
		StringBuilder csv = new StringBuilder("\uFEFFcity,first_name,last_name,comment,source,signed_at\r\n");
		for (Signers.Signer signer : contents.signers()) {
			csv.append(cell(signer.city()))
				.append(',')
				.append(cell(signer.firstName()))
				.append(',')
				.append(cell(signer.lastName()))
				.append(',')
				.append(cell((contents.comments() && signer.comment() != null) ? signer.comment() : ""))
				.append(',')
				.append(cell(signer.source()))
				.append(',')
				.append(cell((signer.signedAt() != null)
						? SIGNED.format(signer.signedAt().withOffsetSameInstant(ZoneOffset.UTC)) : ""))
				.append("\r\n");
		}
		return csv.toString().getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * A quoted CSV cell; a value a spreadsheet would read as a formula (= + - @, tab,
	 * carriage return first) is prefixed with an apostrophe.
	 */
	static String cell(String value) {
		String safe = (value != null) ? value : "";
		if (!safe.isEmpty() && "=+-@\t\r".indexOf(safe.charAt(0)) >= 0) {
			safe = "'" + safe;
		}
		return "\"" + safe.replace("\"", "\"\"") + "\"";
	}

	private String text(String key, Locale language, Object... args) {
		return this.messages.getMessage(key, args, language);
	}

}
