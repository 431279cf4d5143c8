package org.end287g.validation;

import org.jspecify.annotations.Nullable;

/**
 * A typed value as forms keep and check it: without surrounding blank space, a missing
 * value as an empty one, line breaks as {@code \n}.
 */
public final class TypedText {

	private TypedText() {
	}

	/** A one-line value: stripped, {@code ""} for none. */
	public static String line(@Nullable String value) {
		return (value != null) ? value.strip() : "";
	}

	/**
	 * A text of several lines: line breaks as {@code \n}, stripped, {@code ""} for none.
	 */
	public static String lines(@Nullable String value) {
		return (value != null) ? value.replace("\r\n", "\n").replace('\r', '\n').strip() : "";
	}

}
