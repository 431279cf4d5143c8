package org.end287g.tracker.moa;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The real MOAs beside the repository, and PDFs made for a test: good and hostile. */
final class MoaFiles {

	static final String HENDERSON = "NORTH_CAROLINA__287gJEM_HendersonCoNC2020-06-09.pdf";

	private MoaFiles() {
	}

	static Path folder() {
		Path path = Paths.get(System.getProperty("end287g.shared-moa", "../shared/data/moa"));
		assumeTrue(Files.isDirectory(path), "the real MOAs are not at " + path + ": skipping (set end287g.shared-moa)");
		return path;
	}

	static Path real(String name) {
		Path path = folder().resolve(name);
		assumeTrue(Files.isRegularFile(path), "missing shared MOA " + path);
		return path;
	}

	/** A PDF with one line of text per page. */
	static byte[] text(String... pages) throws IOException {
		try (PDDocument document = new PDDocument()) {
			for (String line : pages) {
				PDPage page = new PDPage();
				document.addPage(page);
				try (PDPageContentStream content = new PDPageContentStream(document, page)) {
					content.beginText();
					content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
					content.newLineAtOffset(72, 700);
					content.showText(line);
					content.endText();
				}
			}
			return save(document);
		}
	}

	static byte[] encrypted() throws IOException {
		try (PDDocument document = new PDDocument()) {
			document.addPage(new PDPage());
			StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret",
					new AccessPermission());
			policy.setEncryptionKeyLength(128);
			document.protect(policy);
			return save(document);
		}
	}

	static byte[] pages(int count) throws IOException {
		try (PDDocument document = new PDDocument()) {
			for (int i = 0; i < count; i++) {
				document.addPage(new PDPage());
			}
			return save(document);
		}
	}

	/**
	 * One page whose content is a small compressed stream that unpacks to
	 * {@code unpacked} bytes of blanks.
	 */
	static byte[] bomb(long unpacked) throws IOException {
		ByteArrayOutputStream compressed = new ByteArrayOutputStream();
		try (OutputStream out = new DeflaterOutputStream(compressed, new Deflater(Deflater.BEST_COMPRESSION))) {
			byte[] blanks = new byte[1 << 20];
			java.util.Arrays.fill(blanks, (byte) ' ');
			for (long written = 0; written < unpacked; written += blanks.length) {
				out.write(blanks);
			}
		}
		try (PDDocument document = new PDDocument()) {
			PDPage page = new PDPage();
			document.addPage(page);
			COSStream stream = document.getDocument().createCOSStream();
			try (OutputStream raw = stream.createRawOutputStream()) {
				raw.write(compressed.toByteArray());
			}
			stream.setItem(COSName.FILTER, COSName.FLATE_DECODE);
			page.setContents(new PDStream(stream));
			return save(document);
		}
	}

	private static byte[] save(PDDocument document) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		document.save(out);
		return out.toByteArray();
	}

}
