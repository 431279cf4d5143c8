package org.end287g.tracker;

import java.time.LocalDateTime;

import org.jspecify.annotations.Nullable;

/**
 * What importing one ICE sheet did. {@code list} is PARTICIPATING or PENDING (null when
 * the file name could not be read); {@code messageKey} and {@code messageArguments} give
 * the translated explanation, {@code message} its English text for logs and the command
 * line.
 */
public record ImportResult(String fileName, @Nullable String list, @Nullable LocalDateTime publishedAt, Status status,
		int rows, int listed, int added, int removed, int renamed, int issues, String messageKey,
		Object[] messageArguments, String message, @Nullable DateSource dateSource) {

	/**
	 * HELD: a readable sheet that looks like a broken publication (agreements vanish to
	 * nowhere, most rows unreadable), kept for staff to accept or reject.
	 */
	public enum Status {

		ACCEPTED, REJECTED, ALREADY_IMPORTED, HELD

	}

	public boolean accepted() {
		return this.status == Status.ACCEPTED;
	}

	/** One line for the command line and the logs. */
	public String summary() {
		return "%s %s %s rows=%d listed=%d added=%d removed=%d renamed=%d issues=%d published=%s date-from=%s %s"
			.formatted(this.status, this.fileName, (this.list != null) ? this.list : "-", this.rows, this.listed,
					this.added, this.removed, this.renamed, this.issues,
					(this.publishedAt != null) ? this.publishedAt : "-", dateSourceWord(),
					(this.message != null) ? this.message : "");
	}

	/**
	 * name, option, last-modified or fetch-time: which source gave the publication date.
	 */
	public String dateSourceWord() {
		return (this.dateSource != null) ? this.dateSource.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
				: "-";
	}

}
