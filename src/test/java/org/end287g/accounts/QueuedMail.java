package org.end287g.accounts;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.end287g.privacy.BlindIndex;
import org.end287g.privacy.EmailAddresses;
import org.end287g.privacy.PersonalDataCipher;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Mail queued in the outbox, decrypted, read straight from the table (the worker that
 * sends it is another module's).
 */
public final class QueuedMail {

	private static final Pattern LINK = Pattern.compile("https?://\\S+/sign-in/link\\?token=([0-9a-f-]{36})");

	private final JdbcClient jdbc;

	private final PersonalDataCipher cipher;

	private final BlindIndex index;

	public QueuedMail(JdbcClient jdbc, PersonalDataCipher cipher, BlindIndex index) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.index = index;
	}

	public record Message(String recipient, String language, String template, String body) {

		/** The sign-in token in the body's link. */
		public String token() {
			Matcher link = LINK.matcher(this.body);
			if (!link.find()) {
				throw new AssertionError("No sign-in link in " + this.body);
			}
			return link.group(1);
		}

		public String link() {
			Matcher link = LINK.matcher(this.body);
			if (!link.find()) {
				throw new AssertionError("No sign-in link in " + this.body);
			}
			return link.group();
		}

	}

	/** The messages to this address, oldest first. */
	public List<Message> to(String email) {
		return this.jdbc.sql("""
				SELECT recipient_sealed, language, template, body_sealed FROM mail_outbox
				WHERE recipient_index = ? ORDER BY id""")
			.param(this.index.ofEmail(EmailAddresses.normalize(email)))
			.query((rs, row) -> new Message(this.cipher.open(rs.getBytes("recipient_sealed"), "mail_outbox.recipient"),
					rs.getString("language"), rs.getString("template"),
					this.cipher.open(rs.getBytes("body_sealed"), "mail_outbox.body")))
			.list();
	}

	public List<Message> to(String email, String template) {
		return to(email).stream().filter((message) -> message.template().equals(template)).toList();
	}

	public Message last(String email, String template) {
		List<Message> messages = to(email, template);
		if (messages.isEmpty()) {
			throw new AssertionError("No " + template + " mail to the address");
		}
		return messages.get(messages.size() - 1);
	}

}
