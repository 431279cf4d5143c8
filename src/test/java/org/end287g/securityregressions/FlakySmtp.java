package org.end287g.securityregressions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

/**
 * The mail server as the application sees it, on its own loopback port, in front of a
 * real one (GreenMail): it passes connections through, or fails the way real servers do.
 * Down: nothing listens (connection refused). Refusing recipients: it speaks enough SMTP
 * itself to answer RCPT TO with the chosen reply (550 for no such mailbox, 451 to try
 * later). Stalling: the next connection is accepted and never answered, as a server (or a
 * network) that hangs does, for the instance that opened it. Real sockets, no mocks.
 */
final class FlakySmtp implements AutoCloseable {

	private enum Mode {

		RELAY, DOWN, REFUSE_RECIPIENTS, STALL_NEXT

	}

	private final int port;

	private final int relayPort;

	private volatile Mode mode = Mode.RELAY;

	private volatile int recipientReply;

	private volatile @Nullable ServerSocket listener;

	private final List<Socket> stalled = new CopyOnWriteArrayList<>();

	private final List<Socket> open = new CopyOnWriteArrayList<>();

	private final AtomicInteger recipientsRefused = new AtomicInteger();

	FlakySmtp(int port, int relayPort) {
		this.port = port;
		this.relayPort = relayPort;
		listen();
	}

	/** Passes every connection through to the real server. */
	synchronized void relay() {
		this.mode = Mode.RELAY;
		listen();
	}

	/** Nothing listens: connections are refused. */
	synchronized void down() {
		this.mode = Mode.DOWN;
		ServerSocket socket = this.listener;
		this.listener = null;
		closeQuietly(socket);
		this.open.forEach(FlakySmtp::closeQuietly);
	}

	/** Answers every RCPT TO with this reply code. */
	synchronized void refuseRecipients(int code) {
		this.recipientReply = code;
		this.mode = Mode.REFUSE_RECIPIENTS;
		listen();
	}

	/** The next connection is accepted and never answered; later ones are relayed. */
	synchronized void stallNextConnection() {
		this.mode = Mode.STALL_NEXT;
		listen();
	}

	/** How many connections are stalled now. */
	int stalledConnections() {
		return this.stalled.size();
	}

	/** Closes the stalled connections, as a server that finally gives up. */
	void endStalledConnections() {
		this.stalled.forEach(FlakySmtp::closeQuietly);
		this.stalled.clear();
	}

	/** How many RCPT TO commands were refused so far. */
	int recipientsRefused() {
		return this.recipientsRefused.get();
	}

	@Override
	public synchronized void close() {
		down();
		endStalledConnections();
	}

	private void listen() {
		if (this.listener != null) {
			return;
		}
		try {
			ServerSocket socket = new ServerSocket();
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port));
			this.listener = socket;
			Thread.ofPlatform().daemon().name("flaky-smtp-accept").start(() -> accept(socket));
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot listen on " + this.port, ex);
		}
	}

	private void accept(ServerSocket socket) {
		while (!socket.isClosed()) {
			try {
				Socket client = socket.accept();
				Mode now = takeMode();
				if (now == Mode.STALL_NEXT) {
					this.stalled.add(client);
				}
				else {
					this.open.add(client);
					Thread.ofPlatform().daemon().name("flaky-smtp").start(() -> serve(client, now));
				}
			}
			catch (IOException ex) {
				// closed: down() or close()
			}
		}
	}

	private synchronized Mode takeMode() {
		Mode now = this.mode;
		if (now == Mode.STALL_NEXT) {
			this.mode = Mode.RELAY;
		}
		return now;
	}

	private void serve(Socket client, Mode mode) {
		try (client) {
			if (mode == Mode.REFUSE_RECIPIENTS) {
				refuse(client);
			}
			else {
				pass(client);
			}
		}
		catch (IOException ex) {
			// the client or the real server went away
		}
		finally {
			this.open.remove(client);
		}
	}

	/** Enough SMTP for a client to reach RCPT TO, which gets the chosen reply. */
	private void refuse(Socket client) throws IOException {
		BufferedReader in = new BufferedReader(
				new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
		Writer out = new java.io.OutputStreamWriter(client.getOutputStream(), StandardCharsets.US_ASCII);
		reply(out, "220 flaky.test ESMTP");
		for (String line = in.readLine(); line != null; line = in.readLine()) {
			String command = line.toUpperCase(Locale.ROOT);
			if (command.startsWith("EHLO") || command.startsWith("HELO")) {
				reply(out, "250 flaky.test");
			}
			else if (command.startsWith("RCPT")) {
				this.recipientsRefused.incrementAndGet();
				int code = this.recipientReply;
				reply(out, code + ((code >= 500) ? " 5.1.1 No such mailbox here" : " 4.7.1 Try again later"));
			}
			else if (command.startsWith("QUIT")) {
				reply(out, "221 Bye");
				return;
			}
			else if (command.startsWith("DATA")) {
				reply(out, "554 5.5.1 No valid recipients");
			}
			else {
				// MAIL, RSET, NOOP
				reply(out, "250 OK");
			}
		}
	}

	private static void reply(Writer out, String line) throws IOException {
		out.write(line + "\r\n");
		out.flush();
	}

	/** Both ways between the client and the real server, until either closes. */
	private void pass(Socket client) throws IOException {
		try (Socket server = new Socket(InetAddress.getLoopbackAddress(), this.relayPort)) {
			Thread back = Thread.ofPlatform().daemon().name("flaky-smtp-back").start(() -> copy(server, client));
			copy(client, server);
			try {
				back.join(10_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private static void copy(Socket from, Socket to) {
		try {
			InputStream in = from.getInputStream();
			OutputStream out = to.getOutputStream();
			byte[] buffer = new byte[8192];
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				out.write(buffer, 0, read);
				out.flush();
			}
			to.shutdownOutput();
		}
		catch (IOException ex) {
			closeQuietly(from);
			closeQuietly(to);
		}
	}

	private static void closeQuietly(@Nullable AutoCloseable closeable) {
		if (closeable != null) {
			try {
				closeable.close();
			}
			catch (Exception ex) {
				// already gone
			}
		}
	}

}
