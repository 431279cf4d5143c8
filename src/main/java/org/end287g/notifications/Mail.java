package org.end287g.notifications;

import java.util.Locale;
import java.util.Map;

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
 */
public record Mail(String to, Locale language, String template, Map<String, Object> model, String category) {

	public static Mail transactional(String to, Locale language, String template, Map<String, Object> model) {
		return new Mail(to, language, template, model, null);
	}

}
