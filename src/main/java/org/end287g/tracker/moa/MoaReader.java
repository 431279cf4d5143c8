package org.end287g.tracker.moa;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

import org.springframework.stereotype.Component;

/**
 * Reads an MOA's text page by page with PDFBox, within limits a hostile file cannot pass:
 * the PDF magic bytes, a page count, and a memory budget (main memory, then scratch
 * files, both capped) so a "PDF bomb" of huge compressed streams fails instead of filling
 * the heap. PDFs that need a password to open are refused: we could not read them either.
 */
@Component
class MoaReader {

	/** The longest page text kept; a real MOA page holds about 4,000 characters. */
	static final int MAX_PAGE_CHARS = 20_000;

	private static final int MAGIC_WINDOW = 1024;

	private final MoaProperties properties;

	MoaReader(MoaProperties properties) {
		this.properties = properties;
	}

	MoaText read(byte[] pdf) {
		if (!isPdf(pdf)) {
			throw MoaRejected.notPdf();
		}
		if (pdf.length > this.properties.maxBytes()) {
			throw MoaRejected.tooBig(this.properties.maxBytes());
		}
		long memory = this.properties.memoryBytes();
		try (PDDocument document = Loader.loadPDF(pdf, "", null, null,
				MemoryUsageSetting.setupMixed(memory / 4, memory).streamCache)) {
			int count = document.getNumberOfPages();
			if (count > this.properties.maxPages()) {
				throw MoaRejected.tooManyPages(count, this.properties.maxPages());
			}
			unpackedWithin(document, memory);
			List<MoaText.Page> pages = pages(document, count);
			return Signatures.of(pages);
		}
		catch (InvalidPasswordException ex) {
			throw MoaRejected.encrypted();
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof MoaRejected rejected) {
				throw rejected;
			}
			throw MoaRejected.unreadable(String.valueOf(ex.getMessage()));
		}
		catch (OutOfMemoryError ex) {
			// the stream cache bounds PDFBox's buffers; this is the last line behind it
			throw MoaRejected.unreadable("too much memory");
		}
	}

	/** "%PDF-" within the first kilobyte, where readers accept it. */
	static boolean isPdf(byte[] bytes) {
		String head = new String(bytes, 0, Math.min(bytes.length, MAGIC_WINDOW), StandardCharsets.ISO_8859_1);
		return head.contains("%PDF-");
	}

	/**
	 * Counts the pages' content once unpacked, as a stream, and refuses the file beyond
	 * the budget: a few kilobytes of compressed zeros may unpack to gigabytes.
	 */
	private static void unpackedWithin(PDDocument document, long budget) throws IOException {
		long total = 0;
		byte[] buffer = new byte[8192];
		for (PDPage page : document.getPages()) {
			try (InputStream content = page.getContents()) {
				for (int n = content.read(buffer); n >= 0; n = content.read(buffer)) {
					total += n;
					if (total > budget) {
						throw MoaRejected.unreadable("more than " + budget + " bytes once unpacked");
					}
				}
			}
		}
	}

	private static List<MoaText.Page> pages(PDDocument document, int count) throws IOException {
		PDFTextStripper stripper = new PDFTextStripper();
		stripper.setSortByPosition(false);
		List<MoaText.Page> pages = new ArrayList<>(count);
		for (int number = 1; number <= count; number++) {
			stripper.setStartPage(number);
			stripper.setEndPage(number);
			pages.add(new MoaText.Page(number, tidy(stripper.getText(document))));
		}
		return pages;
	}

	/** Lines kept (the signature heuristics need them), runs of blanks collapsed. */
	static String tidy(String text) {
		String tidy = text.replace('\r', '\n')
			.replaceAll("[\\t\\x0B\\f\\u00A0 ]+", " ")
			.replaceAll(" *\\n[\\n ]*", "\n")
			.replaceAll("[\\p{Cc}&&[^\\n]]", "")
			.strip();
		return (tidy.length() > MAX_PAGE_CHARS) ? tidy.substring(0, MAX_PAGE_CHARS) : tidy;
	}

}
