package org.end287g.tracker.moa;

/**
 * Why a file was not archived, as a message key ({@code moa.reject.*}) people read in
 * their language; nothing is stored when it is thrown.
 */
public final class MoaRejected extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String messageKey;

	private final transient Object[] arguments;

	private MoaRejected(String messageKey, String detail, Object... arguments) {
		super(detail);
		this.messageKey = messageKey;
		this.arguments = arguments;
	}

	static MoaRejected notPdf() {
		return new MoaRejected("moa.reject.notPdf", "not a PDF");
	}

	static MoaRejected tooBig(long limit) {
		return new MoaRejected("moa.reject.tooBig", "larger than " + limit + " bytes", limit / (1024 * 1024));
	}

	static MoaRejected encrypted() {
		return new MoaRejected("moa.reject.encrypted", "encrypted with a password");
	}

	static MoaRejected tooManyPages(int pages, int limit) {
		return new MoaRejected("moa.reject.tooManyPages", pages + " pages, more than " + limit, limit);
	}

	static MoaRejected unreadable(String detail) {
		return new MoaRejected("moa.reject.unreadable", "unreadable PDF: " + detail);
	}

	static MoaRejected download(String detail) {
		return new MoaRejected("moa.reject.download", "download failed: " + detail);
	}

	static MoaRejected unknownAgreement(String agency, String model) {
		return new MoaRejected("moa.reject.unknownAgreement", "no " + model + " agreement for " + agency);
	}

	public String messageKey() {
		return this.messageKey;
	}

	public Object[] arguments() {
		return this.arguments.clone();
	}

}
