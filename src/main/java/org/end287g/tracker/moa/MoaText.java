package org.end287g.tracker.moa;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What was read from one PDF: its pages' text (a page without text is a scan: we do no
 * OCR), and, where the signature page allows, the signing date and the signers.
 */
record MoaText(List<Page> pages, @Nullable LocalDate signedOn, List<Signer> signers) {

	int scannedPages() {
		return (int) this.pages.stream().filter(Page::scanned).count();
	}

	/** One page's text, whitespace collapsed. */
	record Page(int number, String text) {

		boolean scanned() {
			return this.text.isBlank();
		}

	}

	/** A person who signed, with the title printed under the name when there is one. */
	record Signer(String name, @Nullable String title) {

		@Override
		public String toString() {
			return (this.title != null) ? this.name + " | " + this.title : this.name;
		}

	}

}
