package org.end287g.notifications;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.end287g.notifications.internal.OutboxDriver;

import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real SMTP server for tests (GreenMail on a free loopback port) and what tests do with
 * it: start it, and wait for one recipient's mail while the outbox worker sends.
 */
public final class TestSmtp {

	private TestSmtp() {
	}

	/** A port nothing listens on now. */
	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** GreenMail's SMTP server on 127.0.0.1 at the port, started. */
	public static GreenMail start(int port) {
		GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		server.start();
		return server;
	}

	/**
	 * Runs the outbox worker, one poll at a time, until the address has its mail (exactly
	 * one), or nothing is left to send.
	 */
	public static MimeMessage receivedBy(GreenMail smtp, ApplicationContext context, String email) {
		for (int round = 0; round < 50; round++) {
			List<MimeMessage> mine = Arrays.stream(smtp.getReceivedMessages()).filter((m) -> {
				try {
					return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
						.anyMatch((to) -> to.toString().equalsIgnoreCase(email));
				}
				catch (MessagingException ex) {
					return false;
				}
			}).toList();
			if (!mine.isEmpty()) {
				assertThat(mine).hasSize(1);
				return mine.get(0);
			}
			if (OutboxDriver.pollOnce(context) == 0) {
				break;
			}
		}
		throw new AssertionError("No mail to " + email);
	}

}
