package org.end287g.notifications;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One message to one person.
 *
 * @param to the recipient's address
 * @param language the recipient's language (English or Spanish)
 * @param template the template's name under {@code templates/mail/}; its subject is the
 * message {@code mail.<template>.subject}
 * @param model values for the template (and the subject's arguments, in order)
 * @param category {@code null} for a message the person asked for (a sign-in link); else
 * the list it belongs to ("campaign-updates", "news"...), which gets one-click
 * unsubscribe
 * @param attachment a text file sent with the message (a calendar file), or {@code null}
 * @param usefulFor how long after it is queued the message is still worth sending (a
 * sign-in link: as long as the link works), or {@code null} for the outbox's default
 * ({@code end287g.mail.useful-for}, 3 days). While the mail server is unreachable the
 * outbox keeps trying until then; a message still unsent at its deadline ends EXPIRED.
 */
public record Mail(String to, Locale language, String template, Map<String, Object> model, @Nullable String category,
		@Nullable Attachment attachment, @Nullable Duration usefulFor) {

	public Mail {
		if (usefulFor != null && (usefulFor.isNegative() || usefulFor.isZero())) {
			throw new IllegalArgumentException("A message is useful for a positive time");
		}
	}

	/** A message without attachment. */
	public Mail(String to, Locale language, String template, Map<String, Object> model, @Nullable String category) {
		this(to, language, template, model, category, null, null);
	}

	/** A message with the outbox's default deadline. */
	public Mail(String to, Locale language, String template, Map<String, Object> model, @Nullable String category,
			@Nullable Attachment attachment) {
		this(to, language, template, model, category, attachment, null);
	}

	/** This message with a file attached. */
	public Mail with(Attachment file) {
		return new Mail(this.to, this.language, this.template, this.model, this.category, file, this.usefulFor);
	}

	/**
	 * This message, not worth sending once this long has passed since it was queued (for
	 * example the validity of the link it carries).
	 * @param time a positive duration
	 */
	public Mail usefulFor(Duration time) {
		return new Mail(this.to, this.language, this.template, this.model, this.category, this.attachment, time);
	}

	/**
	 * A text file attached to a message, stored sealed in the outbox like the body.
	 *
	 * @param name the file name: letters, digits, dots, dashes and underscores, at most
	 * 100 characters
	 * @param contentType its MIME type, e.g. {@code text/calendar; method=PUBLISH}
	 * @param text its content (at most 256 KB), sent in UTF-8
	 */
	public record Attachment(String name, String contentType, String text) {

		public Attachment {
			if (name == null || !name.matches("[A-Za-z0-9._-]{1,100}") || contentType == null
					|| !contentType.matches("[a-z]+/[a-z0-9.+-]+(; ?[a-z-]+=[A-Za-z0-9-]+)*") || text == null
					|| text.length() > 256 * 1024) {
				throw new IllegalArgumentException("Not an attachment the outbox can send");
			}
		}

	}

	public static Mail transactional(String to, Locale language, String template, Map<String, Object> model) {
		return new Mail(to, language, template, model, null);
	}

}
