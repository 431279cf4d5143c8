package org.end287g.notifications.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;

import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * One SMTP session for one of the outbox's parallel senders, kept open for batch after
 * batch: a connection (and, with a real relay, its TLS handshake and login) per message
 * would cap a worker at a few dozen messages a second. Each message is still handed over,
 * and marked sent, one at a time, so a crash can repeat at most the message in flight.
 * After a failure the connection is dropped and the next message opens a new one. A
 * connection idle for a while is checked (an SMTP NOOP) before it is used again, not
 * before every message: that would double the round trips. Senders other than Spring's
 * own send message by message.
 */
class SmtpConnection implements AutoCloseable {

	private final JavaMailSender sender;

	/** Longer idle than this, the server may have closed the session. */
	private static final long IDLE_NANOS = 5_000_000_000L;

	private @Nullable Transport transport;

	private long lastUsed;

	SmtpConnection(JavaMailSender sender) {
		this.sender = sender;
	}

	JavaMailSender sender() {
		return this.sender;
	}

	void send(MimeMessage message) throws MessagingException {
		if (!(this.sender instanceof JavaMailSenderImpl impl)) {
			this.sender.send(message);
			return;
		}
		try {
			Transport open = this.transport;
			if (open == null || (System.nanoTime() - this.lastUsed > IDLE_NANOS && !open.isConnected())) {
				close();
				open = impl.getSession().getTransport(impl.getProtocol());
				this.transport = open;
				open.connect(impl.getHost(), impl.getPort(), impl.getUsername(), impl.getPassword());
			}
			// as JavaMailSenderImpl does: saveChanges() would replace an explicit
			// Message-ID
			String messageId = message.getMessageID();
			message.saveChanges();
			if (messageId != null) {
				message.setHeader("Message-ID", messageId);
			}
			open.sendMessage(message, message.getAllRecipients());
			this.lastUsed = System.nanoTime();
		}
		catch (MessagingException | RuntimeException ex) {
			close();
			throw ex;
		}
	}

	@Override
	public void close() {
		if (this.transport != null) {
			try {
				this.transport.close();
			}
			catch (MessagingException ex) {
				// the connection is gone either way
			}
			this.transport = null;
		}
	}

}
