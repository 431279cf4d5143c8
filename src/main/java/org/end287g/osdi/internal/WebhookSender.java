package org.end287g.osdi.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.end287g.problems.Problem;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Posts one delivery: the OSDI signature (as Action Network's webhooks send them, a list
 * of objects keyed {@code osdi:signature}), signed with the webhook's secret. The
 * {@code X-End287g-Signature} header is {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of
 * "<t>.<body>">}; {@code X-End287g-Delivery} names the delivery, the same on every
 * attempt, so a receiver can drop a repeat. No redirect is followed; the address is
 * checked again before each attempt.
 */
@Component
class WebhookSender {

	private final HttpClient client;

	private final OsdiProperties properties;

	private final WebhookAddresses addresses;

	private final JsonMapper json = JsonMapper.builder().build();

	private final Clock clock = Clock.systemUTC();

	WebhookSender(OsdiProperties properties, WebhookAddresses addresses) {
		this.properties = properties;
		this.addresses = addresses;
		this.client = HttpClient.newBuilder()
			.connectTimeout(properties.webhookTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/** What an attempt came to: delivered, or why not (kept for staff). */
	record Result(boolean delivered, String status) {
	}

	/**
	 * Posts one resource (a signature or an attendance) under its OSDI relation.
	 */
	Result send(String url, String secret, long deliveryId, String relation, Map<String, Object> resource) {
		URI address;
		try {
			address = this.addresses.check(url);
		}
		catch (Problem refused) {
			return new Result(false, "refused address");
		}
		String body = this.json
			.writeValueAsString(List.of(Map.of("idempotency_key", "delivery-" + deliveryId, relation, resource)));
		long time = this.clock.instant().getEpochSecond();
		HttpRequest request = HttpRequest.newBuilder(address)
			.timeout(this.properties.webhookTimeout())
			.header("Content-Type", Hal.MEDIA_TYPE)
			.header("User-Agent", "end287g-webhooks")
			.header("X-End287g-Delivery", Long.toString(deliveryId))
			.header("X-End287g-Signature", "t=" + time + ",v1=" + hmac(secret, time + "." + body))
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build();
		try {
			HttpResponse<Void> response = this.client.send(request, HttpResponse.BodyHandlers.discarding());
			int status = response.statusCode();
			return new Result(status >= 200 && status < 300, "HTTP " + status);
		}
		catch (java.net.http.HttpTimeoutException ex) {
			return new Result(false, "timeout");
		}
		catch (IOException ex) {
			return new Result(false, "unreachable");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Result(false, "interrupted");
		}
	}

	static String hmac(String secret, String message) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is part of every JDK", ex);
		}
	}

}
