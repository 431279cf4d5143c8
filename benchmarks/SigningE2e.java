import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load generator and mail receiver of benchmarks/signing-e2e.sh, JDK only:
 * {@code java benchmarks/SigningE2e.java BASE SLUG COOKIE CSRF SMTP_PORT SECONDS CONNECTIONS DRAIN_SECONDS}.
 *
 * CONNECTIONS virtual threads sign for SECONDS, every request a new person (a new e-mail
 * address, a random client address in 10.0.0.0/8 through X-Forwarded-For). A minimal
 * SMTP server on 127.0.0.1:SMTP_PORT takes the application's mail; from each message it
 * reads the confirmation link and hands it to a virtual thread that follows it as a person
 * would (GET the link's page, POST its form). After the load it waits up to DRAIN_SECONDS
 * for every signature to be confirmed, then prints its figures as "key value" lines on
 * standard output (the script writes the results file) and progress on standard error.
 */
public class SigningE2e {

	static final Pattern LINK = Pattern.compile("https?://[^\\s\"<>]+/campaigns/[^/\\s]+/confirm\\?token=[A-Za-z0-9_\\-.~%]+");

	static final Pattern RCPT = Pattern.compile("(?i)^RCPT TO:\\s*<([^>]+)>");

	/** Sign response (303) time, by e-mail address. */
	static final Map<String, Long> signedAt = new ConcurrentHashMap<>();

	/** Mails received, by e-mail address (more than one is a double). */
	static final Map<String, AtomicInteger> mailsTo = new ConcurrentHashMap<>();

	static final Queue<long[]> confirmations = new ConcurrentLinkedQueue<>();

	static final AtomicLong signed = new AtomicLong();

	static final AtomicLong refused = new AtomicLong();

	static final AtomicLong errors = new AtomicLong();

	static final AtomicLong mails = new AtomicLong();

	static final AtomicLong mailsWithoutLink = new AtomicLong();

	static final AtomicLong confirmFailures = new AtomicLong();

	static final AtomicLong smtpSessions = new AtomicLong();

	static final Queue<Long> signLatencies = new ConcurrentLinkedQueue<>();

	static HttpClient http;

	/** The application's address: mailed links are followed there, whatever host they name. */
	static String base;

	static String cookie;

	static String csrf;

	static final PrintStream progress = System.err;

	public static void main(String[] args) throws Exception {
		base = args[0];
		String slug = args[1];
		cookie = args[2];
		csrf = args[3];
		int smtpPort = Integer.parseInt(args[4]);
		int seconds = Integer.parseInt(args[5]);
		int connections = Integer.parseInt(args[6]);
		int drainSeconds = Integer.parseInt(args[7]);

		long started = System.nanoTime();
		ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
		http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(10))
			.executor(threads)
			.build();
		// Confirmations compete with signing for the application; as many at once as signers.
		Semaphore confirming = new Semaphore(connections);
		ServerSocket smtp = new ServerSocket(smtpPort, 512, InetAddress.getLoopbackAddress());
		threads.submit(() -> accept(smtp, threads, confirming));

		String body = "firstName=Ana&lastName=Garc%C3%ADa&zip=28052&comment=&showPublicly=true&campaignUpdates=false&_csrf="
				+ URLEncoder.encode(csrf, StandardCharsets.UTF_8);
		URI sign = URI.create(base + "/campaigns/" + slug + "/sign");
		long start = System.nanoTime();
		long end = start + Duration.ofSeconds(seconds).toNanos();
		AtomicInteger counter = new AtomicInteger();
		String run = Long.toString(System.currentTimeMillis(), 36);
		List<Thread> signers = new ArrayList<>();
		for (int c = 0; c < connections; c++) {
			signers.add(Thread.ofVirtual().start(() -> {
				while (System.nanoTime() < end) {
					String email = "e2e-" + run + "-" + counter.incrementAndGet() + "@bench.example.org";
					ThreadLocalRandom random = ThreadLocalRandom.current();
					HttpRequest request = HttpRequest.newBuilder(sign)
						.timeout(Duration.ofSeconds(30))
						.header("Content-Type", "application/x-www-form-urlencoded")
						.header("Cookie", cookie)
						.header("X-Forwarded-For",
								"10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255))
						.POST(HttpRequest.BodyPublishers.ofString(body + "&email=" + email.replace("@", "%40")))
						.build();
					long sent = System.nanoTime();
					try {
						HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
						long now = System.nanoTime();
						if (response.statusCode() == 303) {
							signedAt.put(email, sent);
							signed.incrementAndGet();
							signLatencies.add(now - sent);
						}
						else {
							if (refused.incrementAndGet() == 1) {
								progress.println("first refusal: " + response.statusCode());
							}
						}
					}
					catch (IOException | InterruptedException ex) {
						if (errors.incrementAndGet() == 1) {
							progress.println("first error: " + ex);
						}
					}
				}
			}));
		}
		long lastReport = start;
		while (System.nanoTime() < end) {
			Thread.sleep(200);
			if (System.nanoTime() - lastReport >= Duration.ofSeconds(5).toNanos()) {
				lastReport = System.nanoTime();
				progress.printf("%3.0f s: %d signed, %d mails, %d confirmed%n", (lastReport - start) / 1e9, signed.get(),
						mails.get(), confirmations.size());
			}
		}
		for (Thread signer : signers) {
			signer.join();
		}
		long loadEnd = System.nanoTime();
		long confirmedInLoad = confirmations.stream().filter((c) -> c[1] <= loadEnd).count();
		progress.printf("load over: %d signed, %d mails, %d confirmed; waiting up to %d s for the rest%n", signed.get(),
				mails.get(), confirmations.size(), drainSeconds);
		long drainEnd = loadEnd + Duration.ofSeconds(drainSeconds).toNanos();
		while (confirmations.size() + confirmFailures.get() < signed.get() && System.nanoTime() < drainEnd) {
			Thread.sleep(100);
		}
		Thread.sleep(3000); // a mail sent twice would arrive by now
		long drained = System.nanoTime();
		smtp.close();

		long[] toConfirmed;
		long[] toMail;
		long lastConfirmed;
		synchronized (confirmations) {
			toConfirmed = confirmations.stream().mapToLong((c) -> c[1] - c[0]).sorted().toArray();
			toMail = confirmations.stream().mapToLong((c) -> c[2] - c[0]).sorted().toArray();
			lastConfirmed = confirmations.stream().mapToLong((c) -> c[1]).max().orElse(start);
		}
		long[] signing = signLatencies.stream().mapToLong(Long::longValue).sorted().toArray();
		long doubles = mailsTo.values().stream().filter((n) -> n.get() > 1).count();
		long lost = signedAt.keySet().stream().filter((email) -> !mailsTo.containsKey(email)).count();
		double loadSeconds = (loadEnd - start) / 1e9;
		double allSeconds = (lastConfirmed - start) / 1e9;
		System.out.printf("load_seconds %.1f%n", loadSeconds);
		System.out.printf("signed %d%n", signed.get());
		System.out.printf("refused %d%n", refused.get());
		System.out.printf("errors %d%n", errors.get());
		System.out.printf("sign_rate %.0f%n", signed.get() / loadSeconds);
		System.out.printf("sign_p50_ms %.1f%n", percentile(signing, 50) / 1e6);
		System.out.printf("sign_p99_ms %.1f%n", percentile(signing, 99) / 1e6);
		System.out.printf("mails %d%n", mails.get());
		System.out.printf("mails_without_link %d%n", mailsWithoutLink.get());
		System.out.printf("mail_doubles %d%n", doubles);
		System.out.printf("mail_lost %d%n", lost);
		System.out.printf("smtp_sessions %d%n", smtpSessions.get());
		System.out.printf("confirmed %d%n", confirmations.size());
		System.out.printf("confirm_failures %d%n", confirmFailures.get());
		System.out.printf("confirmed_in_load %d%n", confirmedInLoad);
		System.out.printf("confirmed_rate_load %.0f%n", confirmedInLoad / loadSeconds);
		System.out.printf("all_seconds %.1f%n", allSeconds);
		System.out.printf("confirmed_rate_all %.0f%n", (allSeconds > 0) ? confirmations.size() / allSeconds : 0);
		System.out.printf("mail_p50_s %.2f%n", percentile(toMail, 50) / 1e9);
		System.out.printf("mail_p99_s %.2f%n", percentile(toMail, 99) / 1e9);
		System.out.printf("confirmed_p50_s %.2f%n", percentile(toConfirmed, 50) / 1e9);
		System.out.printf("confirmed_p99_s %.2f%n", percentile(toConfirmed, 99) / 1e9);
		System.out.printf("drain_seconds %.1f%n", (drained - loadEnd) / 1e9 - 3);
		// The generator's own share of the machine (its HTTP client and SMTP server).
		double cpu = ProcessHandle.current().info().totalCpuDuration().map((d) -> d.toNanos() / 1e9).orElse(0.0);
		System.out.printf("generator_cores %.2f%n", cpu / ((System.nanoTime() - started) / 1e9));
		threads.shutdownNow();
	}

	static long percentile(long[] sorted, int p) {
		if (sorted.length == 0) {
			return 0;
		}
		int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
	}

	static void accept(ServerSocket server, ExecutorService threads, Semaphore confirming) {
		while (!server.isClosed()) {
			try {
				Socket socket = server.accept();
				smtpSessions.incrementAndGet();
				threads.submit(() -> session(socket, threads, confirming));
			}
			catch (IOException closed) {
				return;
			}
		}
	}

	/**
	 * One SMTP session: enough of RFC 5321 for a mail client that neither authenticates
	 * nor asks for TLS; every message is accepted.
	 */
	static void session(Socket socket, ExecutorService threads, Semaphore confirming) {
		try (socket) {
			BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
			OutputStream out = socket.getOutputStream();
			reply(out, "220 bench ESMTP");
			List<String> recipients = new ArrayList<>();
			String line;
			while ((line = in.readLine()) != null) {
				String command = line.toUpperCase();
				if (command.startsWith("EHLO")) {
					reply(out, "250-bench\r\n250-8BITMIME\r\n250 PIPELINING");
				}
				else if (command.startsWith("HELO") || command.startsWith("NOOP")) {
					reply(out, "250 OK");
				}
				else if (command.startsWith("MAIL FROM") || command.startsWith("RSET")) {
					recipients.clear();
					reply(out, "250 OK");
				}
				else if (command.startsWith("RCPT TO")) {
					Matcher to = RCPT.matcher(line);
					if (to.find()) {
						recipients.add(to.group(1).toLowerCase());
					}
					reply(out, "250 OK");
				}
				else if (command.startsWith("DATA")) {
					reply(out, "354 go ahead");
					StringBuilder message = new StringBuilder();
					while ((line = in.readLine()) != null && !line.equals(".")) {
						message.append(line.startsWith("..") ? line.substring(1) : line).append('\n');
					}
					long received = System.nanoTime();
					reply(out, "250 OK queued");
					received(List.copyOf(recipients), message.toString(), received, threads, confirming);
					recipients.clear();
				}
				else if (command.startsWith("QUIT")) {
					reply(out, "221 bye");
					return;
				}
				else {
					reply(out, "502 not implemented");
				}
			}
		}
		catch (IOException ex) {
			// the client went away
		}
	}

	static void reply(OutputStream out, String line) throws IOException {
		out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
		out.flush();
	}

	static void received(List<String> recipients, String message, long at, ExecutorService threads,
			Semaphore confirming) {
		mails.incrementAndGet();
		for (String recipient : recipients) {
			mailsTo.computeIfAbsent(recipient, (r) -> new AtomicInteger()).incrementAndGet();
		}
		String link = link(message);
		if (link == null || recipients.size() != 1) {
			mailsWithoutLink.incrementAndGet();
			return;
		}
		Long signed = signedAt.get(recipients.get(0));
		if (signed == null || mailsTo.get(recipients.get(0)).get() > 1) {
			return; // not ours, or a double: counted, not confirmed twice
		}
		threads.submit(() -> {
			try {
				confirming.acquire();
				try {
					confirm(link, signed, at);
				}
				finally {
					confirming.release();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
	}

	/** The confirmation link, from a message in 7bit, quoted-printable or base64. */
	static String link(String message) {
		String plain = message.replace("=\n", "").replace("=3D", "=");
		Matcher found = LINK.matcher(plain);
		if (found.find()) {
			return found.group();
		}
		StringBuilder decoded = new StringBuilder();
		for (String block : message.split("\n\\s*\n")) {
			String compact = block.replace("\n", "").trim();
			if (compact.matches("[A-Za-z0-9+/=]{16,}")) {
				try {
					decoded.append(new String(Base64.getDecoder().decode(compact), StandardCharsets.UTF_8));
				}
				catch (IllegalArgumentException notBase64) {
					// another part
				}
			}
		}
		found = LINK.matcher(decoded);
		return found.find() ? found.group() : null;
	}

	/** Follows the link as a person does: the page, then its button. */
	static void confirm(String link, long signed, long mailed) {
		try {
			link = base + link.substring(link.indexOf("/campaigns/"));
			URI page = URI.create(link);
			HttpResponse<Void> shown = http.send(HttpRequest.newBuilder(page).timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.discarding());
			String token = link.substring(link.indexOf("token=") + "token=".length());
			URI post = URI.create(link.substring(0, link.indexOf('?')));
			HttpResponse<Void> done = http.send(HttpRequest.newBuilder(post)
				.timeout(Duration.ofSeconds(30))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Cookie", cookie)
				.POST(HttpRequest.BodyPublishers
					.ofString("token=" + token + "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8)))
				.build(), HttpResponse.BodyHandlers.discarding());
			String target = done.headers().firstValue("Location").orElse("");
			if (shown.statusCode() == 200 && done.statusCode() == 303 && !target.contains("again=1")) {
				confirmations.add(new long[] { signed, System.nanoTime(), mailed });
			}
			else if (confirmFailures.incrementAndGet() == 1) {
				progress.println("first failed confirmation: page " + shown.statusCode() + ", form "
						+ done.statusCode() + " " + target + " for " + link);
			}
		}
		catch (IOException | InterruptedException ex) {
			if (confirmFailures.incrementAndGet() == 1) {
				progress.println("first failed confirmation: " + ex);
			}
		}
	}

}
