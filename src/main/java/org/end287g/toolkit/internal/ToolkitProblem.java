package org.end287g.toolkit.internal;

import org.springframework.http.HttpStatus;

/** A request the toolkit refuses, with the message key that tells why. */
class ToolkitProblem extends RuntimeException {

	private final HttpStatus status;

	private final String messageKey;

	ToolkitProblem(HttpStatus status, String messageKey) {
		super(messageKey, null, false, false);
		this.status = status;
		this.messageKey = messageKey;
	}

	static ToolkitProblem notFound() {
		return new ToolkitProblem(HttpStatus.NOT_FOUND, "campaigns.error.unknown");
	}

	static ToolkitProblem lessonNotFound() {
		return new ToolkitProblem(HttpStatus.NOT_FOUND, "toolkit.lessons.error.unknown");
	}

	static ToolkitProblem bad(String messageKey) {
		return new ToolkitProblem(HttpStatus.BAD_REQUEST, messageKey);
	}

	HttpStatus status() {
		return this.status;
	}

	String messageKey() {
		return this.messageKey;
	}

}
