package org.end287g.toolkit.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Share links for the common networks and messaging apps as plain addresses: no
 * third-party script, no tracking pixel; the networks see only what the person chooses to
 * post.
 */
final class ShareLinks {

	private ShareLinks() {
	}

	/** A share link: its channel (also the referral code it carries) and address. */
	record Link(String channel, String href) {
	}

	/**
	 * The channels in the order the pages list them: the phone's messaging apps first
	 * (most shares happen there), then the networks, e-mail, and the plain link to copy.
	 */
	static final List<String> CHANNELS = List.of("whatsapp", "sms", "facebook", "x", "bluesky", "telegram", "email",
			"link");

	/**
	 * The links for a campaign address; {@code link} gives the address a channel carries
	 * (with its referral code), {@code social} the post, {@code text} the text message,
	 * {@code subject} and {@code body} the e-mail, each without the address, which is
	 * added.
	 */
	static List<Link> links(java.util.function.Function<String, String> link, String social, String text,
			String subject, String body) {
		return CHANNELS.stream()
			.map((channel) -> new Link(channel, href(channel, link.apply(channel), social, text, subject, body)))
			.toList();
	}

	static String href(String channel, String url, String social, String text, String subject, String body) {
		return switch (channel) {
			case "x" -> "https://x.com/intent/post?text=" + encode(social) + "&url=" + encode(url);
			case "facebook" -> "https://www.facebook.com/sharer/sharer.php?u=" + encode(url);
			case "bluesky" -> "https://bsky.app/intent/compose?text=" + encode(social + " " + url);
			case "whatsapp" -> "https://wa.me/?text=" + encode(text + " " + url);
			case "telegram" -> "https://t.me/share/url?url=" + encode(url) + "&text=" + encode(text);
			case "email" -> "mailto:?subject=" + encode(subject) + "&body=" + encode(body + "\n\n" + url);
			case "sms" -> "sms:?&body=" + encode(text + " " + url);
			case "link" -> url;
			default -> throw new IllegalArgumentException(channel);
		};
	}

	/**
	 * Percent-encoding for a query value (spaces as %20, which mail and SMS apps need).
	 */
	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
