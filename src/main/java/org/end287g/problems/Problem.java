package org.end287g.problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A request the site refuses: an RFC 9457 problem whose title and detail are message
 * keys, translated when the problem is answered (Spring's
 * {@link #updateAndGetBody(org.springframework.context.MessageSource, java.util.Locale)}).
 * Thrown, never built into a response by hand: the site's one handler turns it into a
 * page, or JSON under {@code /api/} and {@code /feeds/}, with its status.
 */
public class Problem extends ErrorResponseException {

	/**
	 * The request attribute under which a filter, which refuses before any controller
	 * runs, leaves its problem for the error page it sends the request to.
	 */
	public static final String ATTRIBUTE = Problem.class.getName();

	private final String titleCode;

	/**
	 * A refusal with the given status, heading and text.
	 * @param status the answer's status
	 * @param titleCode the message key of the heading
	 * @param detailCode the message key of what went wrong
	 * @param arguments the detail's arguments ({@code {0}}, {@code {1}} ...)
	 */
	protected Problem(HttpStatus status, String titleCode, String detailCode, Object... arguments) {
		super(status, ProblemDetail.forStatus(status), null, detailCode, arguments);
		this.titleCode = titleCode;
	}

	/** Something asked for by its address does not exist (or is not for this person). */
	public static Problem notFound(String detailCode, Object... arguments) {
		return new Problem(HttpStatus.NOT_FOUND, "error.notFound.title", detailCode, arguments);
	}

	/** A parameter the site cannot accept. */
	public static Problem badRequest(String detailCode, Object... arguments) {
		return new Problem(HttpStatus.BAD_REQUEST, "problem.badRequest", detailCode, arguments);
	}

	/** The site cannot do it right now; the person may try again in a moment. */
	public static Problem unavailable(String detailCode, Object... arguments) {
		return new Problem(HttpStatus.SERVICE_UNAVAILABLE, "problem.title", detailCode, arguments);
	}

	/** Any other status, with a heading of its own. */
	public static Problem of(HttpStatus status, String titleCode, String detailCode, Object... arguments) {
		return new Problem(status, titleCode, detailCode, arguments);
	}

	@Override
	public String getTitleMessageCode() {
		return this.titleCode;
	}

	/**
	 * Refusals are expected (crawlers try unknown addresses all day): where one was
	 * thrown is of no use, and recording it costs.
	 */
	@Override
	public synchronized Throwable fillInStackTrace() {
		return this;
	}

}
