package org.end287g.osdi.internal;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

import org.end287g.problems.Problem;

import org.springframework.stereotype.Component;

/**
 * Where a webhook may send personal data: an https address of a public host. A host that
 * resolves to a private, loopback, link-local or otherwise local address is refused, when
 * staff register it and again before each delivery (its name may point elsewhere since).
 * Only with {@code end287g.osdi.webhook-local-http} may a test use http on the loopback.
 */
@Component
class WebhookAddresses {

	static final int MAX_LENGTH = 500;

	private final OsdiProperties properties;

	WebhookAddresses(OsdiProperties properties) {
		this.properties = properties;
	}

	/** The address checked, or a translated refusal. */
	URI check(String url) {
		String text = url.strip();
		if (text.isEmpty()) {
			throw Problem.badRequest("osdi.webhook.error.empty");
		}
		if (text.length() > MAX_LENGTH) {
			throw Problem.badRequest("osdi.webhook.error.long", MAX_LENGTH);
		}
		URI uri;
		try {
			uri = new URI(text);
		}
		catch (URISyntaxException ex) {
			throw Problem.badRequest("osdi.webhook.error.malformed");
		}
		String host = uri.getHost();
		if (host == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
			throw Problem.badRequest("osdi.webhook.error.malformed");
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		boolean localTest = this.properties.webhookLocalHttp() && "http".equals(scheme)
				&& ("127.0.0.1".equals(host) || "localhost".equals(host));
		if (!"https".equals(scheme) && !localTest) {
			throw Problem.badRequest("osdi.webhook.error.https");
		}
		if (!localTest) {
			requirePublic(host);
		}
		return uri;
	}

	private static void requirePublic(String host) {
		InetAddress[] addresses;
		try {
			addresses = InetAddress.getAllByName(host);
		}
		catch (UnknownHostException ex) {
			throw Problem.badRequest("osdi.webhook.error.unknownHost");
		}
		for (InetAddress address : addresses) {
			if (local(address)) {
				throw Problem.badRequest("osdi.webhook.error.private");
			}
		}
	}

	/** Loopback, private, link-local, multicast, unspecified, or IPv6 unique local. */
	static boolean local(InetAddress address) {
		byte[] bytes = address.getAddress();
		boolean uniqueLocal = bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
		boolean sharedOrBenchmark = bytes.length == 4 && (((bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64)
				|| ((bytes[0] & 0xff) == 198 && (bytes[1] & 0xfe) == 18) || (bytes[0] & 0xff) == 0);
		return address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
				|| address.isAnyLocalAddress() || address.isMulticastAddress() || uniqueLocal || sharedOrBenchmark;
	}

}
