package org.end287g.notifications.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.jspecify.annotations.Nullable;

import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;

/**
 * What a failed send means for the message, read from the exceptions Jakarta Mail
 * (Eclipse Angus) throws, however Spring wraps them. Only a refusal of this recipient or
 * this message for good ends it; everything else is retried until the message's deadline.
 */
enum SendFailure {

	/**
	 * The server refused this recipient (a 5xx reply to RCPT TO: no such mailbox, address
	 * not allowed) or this message (a 5xx reply to DATA or to its end): FAILED at once.
	 */
	PERMANENT,

	/**
	 * Something about this message only, to try again later: the server asked to try the
	 * recipient later (a 4xx reply to RCPT TO, for example greylisting, or to the
	 * message's end), or the message could not be built. The next message of the batch
	 * goes on.
	 */
	RETRY_MESSAGE,

	/**
	 * The mail server as a whole: unreachable, too slow, TLS or authentication failed,
	 * the session refused (421, a reply to MAIL FROM). Retried later, and this instance
	 * stops sending until then: the next attempt is a probe, not a connection per
	 * message.
	 */
	RETRY_SERVER;

	/** The 4xx reply that RFC 5321 says clients treat as "too many recipients": later. */
	private static final int STORAGE_EXCEEDED = 552;

	/** A reply to any command that means the server closes the session. */
	private static final int SERVICE_NOT_AVAILABLE = 421;

	private static final int MAX_EXCEPTIONS = 20;

	static SendFailure of(Throwable failure) {
		boolean permanent = false;
		boolean later = false;
		boolean mail = false;
		for (Throwable ex : chain(failure)) {
			mail |= ex instanceof MessagingException || ex instanceof MailException;
			if (ex instanceof SMTPAddressFailedException address) {
				int code = address.getReturnCode();
				if (code >= 500 && code != STORAGE_EXCEEDED) {
					permanent = true;
				}
				else if (code >= 400) {
					later |= code != SERVICE_NOT_AVAILABLE;
				}
			}
			else if (ex instanceof SMTPSendFailedException send && refusedTheMessage(send.getCommand())) {
				int code = send.getReturnCode();
				permanent |= code >= 500;
				later |= code >= 400 && code < 500 && code != SERVICE_NOT_AVAILABLE;
			}
			else if (ex.getClass() == SendFailedException.class) {
				// another provider's refusal of the recipient
				SendFailedException send = (SendFailedException) ex;
				permanent |= length(send.getInvalidAddresses()) > 0 && length(send.getValidUnsentAddresses()) == 0;
			}
		}
		if (permanent) {
			return PERMANENT;
		}
		return (later || !mail) ? RETRY_MESSAGE : RETRY_SERVER;
	}

	/** The server's reply code in the exception, or 0. */
	static int replyCode(Throwable ex) {
		if (ex instanceof SMTPAddressFailedException address) {
			return address.getReturnCode();
		}
		if (ex instanceof SMTPSendFailedException send) {
			return send.getReturnCode();
		}
		if (ex instanceof SMTPSenderFailedException sender) {
			return sender.getReturnCode();
		}
		return 0;
	}

	/**
	 * The exception, the ones it wraps and the ones chained to it (Spring's failed
	 * messages, Jakarta Mail's next exceptions, causes), each once.
	 */
	static List<Throwable> chain(Throwable failure) {
		List<Throwable> found = new ArrayList<>();
		List<@Nullable Throwable> pending = new ArrayList<>(List.of(failure));
		Set<Throwable> seen = new HashSet<>();
		while (!pending.isEmpty() && seen.size() < MAX_EXCEPTIONS) {
			Throwable ex = pending.remove(0);
			if (ex == null || !seen.add(ex)) {
				continue;
			}
			found.add(ex);
			if (ex instanceof MailSendException send) {
				pending.addAll(List.of(send.getMessageExceptions()));
			}
			if (ex instanceof MessagingException messaging) {
				pending.add(messaging.getNextException());
			}
			pending.add(ex.getCause());
		}
		return found;
	}

	/** The commands whose refusal is about the message itself. */
	private static boolean refusedTheMessage(@Nullable String command) {
		return command != null && (command.equals(".") || command.startsWith("DATA") || command.startsWith("BDAT"));
	}

	private static int length(Object @Nullable [] array) {
		return (array != null) ? array.length : 0;
	}

}
