package org.end287g.tracker.moa;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading MOAs: the real ones page by page, and every kind of file we refuse. */
class MoaReaderTests {

	static final MoaProperties LIMITS = new MoaProperties(false, "0 53 */4 * * *", 25L * 1024 * 1024, 2000,
			64L * 1024 * 1024, Duration.ofSeconds(2), Duration.ofHours(6), 100, java.util.List.of("ice.gov"));

	final MoaReader reader = new MoaReader(LIMITS);

	MoaText real(String name) throws IOException {
		return this.reader.read(Files.readAllBytes(MoaFiles.real(name)));
	}

	@Test
	void readsEveryPageOfARealMoaWithItsSigningDateAndSigner() throws IOException {
		MoaText henderson = real(MoaFiles.HENDERSON);
		assertThat(henderson.pages()).hasSize(12);
		assertThat(henderson.scannedPages()).isZero();
		assertThat(henderson.pages().get(0).text()).contains("MEMORANDUM OF AGREEMENT");
		assertThat(henderson.signedOn()).isEqualTo(LocalDate.of(2020, 6, 9));
		assertThat(henderson.signers())
			.containsExactly(new MoaText.Signer("C.M. Cronen", "Assistant Director, Enforcement"));
	}

	@Test
	void findsSigningDatesAndSignersWhereTheTextAllows() throws IOException {
		MoaText floyd = real("GEORGIA__287gJEM_FloydCoGa2020-06-10.pdf");
		assertThat(floyd.signedOn()).isEqualTo(LocalDate.of(2020, 6, 10));
		assertThat(floyd.signers()).extracting(MoaText.Signer::name).containsExactly("C.M. Cronen");
		MoaText york = real("SOUTH_CAROLINA__287gJEM_YorkCoSc2020-06-09.pdf");
		assertThat(york.signers()).contains(new MoaText.Signer("Kevin R. Tolson", "Sheriff"));
		MoaText miami = real("FLORIDA__miamiDadeSheriffsOffice_TFM_MOA_02262025.pdf");
		assertThat(miami.signedOn()).isEqualTo(LocalDate.of(2025, 2, 26));
		MoaText nash = real("NORTH_CAROLINA__287gWSO_NashCoNC2020-01-29.pdf");
		assertThat(nash.signers()).extracting(MoaText.Signer::name).containsExactly("Keith Stone");
		// a hand-written date and scrawled names: nothing is claimed
		MoaText cabarrus = real("NORTH_CAROLINA__287gJEM_CabarrusCoNC2020-03-11.pdf");
		assertThat(cabarrus.signedOn()).isNull();
		assertThat(cabarrus.signers()).isEmpty();
	}

	@Test
	void flagsScannedPagesWithoutText() throws IOException {
		MoaText cherokee = real("NORTH_CAROLINA__CherokeeCountyNC_WSO_MOA_031025.pdf");
		assertThat(cherokee.pages()).hasSize(10);
		assertThat(cherokee.pages().stream().filter(MoaText.Page::scanned).map(MoaText.Page::number)).containsExactly(2,
				3, 5, 8, 9, 10);
		assertThat(cherokee.pages().get(0).scanned()).isFalse();
	}

	@Test
	void refusesAFileThatIsNotAPdf() {
		byte[] html = "<!DOCTYPE html><html><body>Page not found</body></html>".getBytes(StandardCharsets.UTF_8);
		assertRefused(() -> this.reader.read(html), "moa.reject.notPdf");
		assertRefused(() -> this.reader.read(new byte[0]), "moa.reject.notPdf");
	}

	@Test
	void refusesAPdfThatNeedsAPassword() throws IOException {
		byte[] pdf = MoaFiles.encrypted();
		assertRefused(() -> this.reader.read(pdf), "moa.reject.encrypted");
	}

	@Test
	void refusesTenThousandPages() throws IOException {
		byte[] pdf = MoaFiles.pages(10_000);
		assertRefused(() -> this.reader.read(pdf), "moa.reject.tooManyPages");
	}

	@Test
	void refusesAPdfBombWithoutFillingMemory() throws IOException {
		// 200 MB of blanks in a few hundred kilobytes; the budget is 64 MB
		byte[] pdf = MoaFiles.bomb(200L * 1024 * 1024);
		assertThat(pdf.length).isLessThan(1024 * 1024);
		assertRefused(() -> this.reader.read(pdf), "moa.reject.unreadable");
	}

	@Test
	void refusesA200MegabyteStreamAfterReadingOnlyTheLimit() {
		CountingZeros huge = new CountingZeros(200L * 1024 * 1024);
		assertRefused(() -> MoaDownloader.bounded(huge, LIMITS.maxBytes()), "moa.reject.tooBig");
		assertThat(huge.served).isLessThanOrEqualTo(LIMITS.maxBytes() + 64 * 1024);
	}

	@Test
	void refusesADamagedPdf() {
		byte[] broken = "%PDF-1.7\n1 0 obj << /Type /Catalog >>\nthis is not a pdf body"
			.getBytes(StandardCharsets.UTF_8);
		assertRefused(() -> this.reader.read(broken), "moa.reject.unreadable");
	}

	@Test
	void keepsTheTextOfAGeneratedPdfPageByPage() throws IOException {
		MoaText text = this.reader.read(MoaFiles.text("The LEA will honor ICE detainers.", "",
				"Either party may terminate this MOA at any time."));
		assertThat(text.pages()).extracting(MoaText.Page::text)
			.containsExactly("The LEA will honor ICE detainers.", "",
					"Either party may terminate this MOA at any time.");
		assertThat(text.pages()).extracting(MoaText.Page::scanned).containsExactly(false, true, false);
	}

	static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String key) {
		assertThatThrownBy(call).isInstanceOfSatisfying(MoaRejected.class,
				(ex) -> assertThat(ex.messageKey()).isEqualTo(key));
	}

	/** A "%PDF-" header, then zeros, made as they are read: nothing is held. */
	static final class CountingZeros extends InputStream {

		private static final byte[] HEADER = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);

		private final long length;

		long served;

		CountingZeros(long length) {
			this.length = length;
		}

		@Override
		public int read() {
			if (this.served >= this.length) {
				return -1;
			}
			int b = (this.served < HEADER.length) ? HEADER[(int) this.served] : 0;
			this.served++;
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int count) {
			if (this.served >= this.length) {
				return -1;
			}
			int n = (int) Math.min(count, this.length - this.served);
			for (int i = 0; i < n; i++) {
				buffer[offset + i] = (byte) read();
			}
			return n;
		}

	}

}
