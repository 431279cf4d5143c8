package org.end287g.privacy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/** The one place that says when two e-mail addresses are the same person's. */
public final class EmailAddresses {

	/** RFC 5321 limit for a whole address. */
	public static final int MAX_LENGTH = 254;

	/**
	 * The HTML "valid e-mail address" rule (what browsers check in type="email"), with a
	 * dot required in the domain: a local part of printable characters without spaces,
	 * quotes, angle brackets or commas, then a host name.
	 */
	private static final Pattern VALID = Pattern.compile("[a-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}"
			+ "@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+");

	private static final Pattern DOTS = Pattern.compile("\\.");

	private static final Provider GMAIL = new Provider("gmail.com", DOTS);

	private static final Provider ICLOUD = new Provider("icloud.com", null);

	private static final Provider PROTON = new Provider("proton.me", Pattern.compile("[._-]"));

	/** The providers that ignore {@code +tags}, by domain. */
	private static final Map<String, Provider> PROVIDERS = Map.ofEntries(Map.entry("gmail.com", GMAIL),
			Map.entry("googlemail.com", GMAIL), Map.entry("outlook.com", own("outlook.com")),
			Map.entry("hotmail.com", own("hotmail.com")), Map.entry("live.com", own("live.com")),
			Map.entry("msn.com", own("msn.com")), Map.entry("icloud.com", ICLOUD), Map.entry("me.com", ICLOUD),
			Map.entry("mac.com", ICLOUD), Map.entry("proton.me", PROTON), Map.entry("protonmail.com", PROTON),
			Map.entry("protonmail.ch", PROTON), Map.entry("pm.me", PROTON),
			Map.entry("fastmail.com", own("fastmail.com")), Map.entry("fastmail.fm", own("fastmail.fm")));

	/**
	 * Fastmail's domains with subdomain addressing ({@code anything@name.fastmail.com}).
	 */
	private static final List<String> FASTMAIL_SUBDOMAINS = List.of("fastmail.com", "fastmail.fm");

	private EmailAddresses() {
	}

	/** Trimmed and lower-cased; empty for {@code null}. */
	public static String normalize(@Nullable String email) {
		return (email != null) ? email.strip().toLowerCase(Locale.ROOT) : "";
	}

	/**
	 * The person behind an address, for "one signature per person", "one registration per
	 * person" and the limits per e-mail address: the {@linkplain #normalize normalised}
	 * address, and for the mail providers that deliver several spellings to one mailbox,
	 * the spelling they deliver to. Never an address to write to: mail goes to the
	 * address as typed.
	 * <ul>
	 * <li>Gmail (gmail.com, googlemail.com): without a {@code +tag} and without dots,
	 * under gmail.com.</li>
	 * <li>Outlook.com (outlook.com, hotmail.com, live.com, msn.com): without a
	 * {@code +tag}. Dots count, and each domain is its own namespace.</li>
	 * <li>iCloud (icloud.com, me.com, mac.com): without a {@code +tag}, under icloud.com
	 * (whoever has name@me.com or name@mac.com also has name@icloud.com). Dots
	 * count.</li>
	 * <li>Proton (proton.me, protonmail.com, protonmail.ch, pm.me): without a
	 * {@code +tag} and without dots, hyphens and underscores, which Proton ignores, under
	 * proton.me (a name is reserved to one account on every Proton domain).</li>
	 * <li>Fastmail (fastmail.com, fastmail.fm): without a {@code +tag}; and its subdomain
	 * addressing, {@code anything@name.fastmail.com}, is name@fastmail.com. Dots
	 * count.</li>
	 * </ul>
	 * Every other domain keeps its dots and {@code +tags}: whether they reach one mailbox
	 * is the domain's own rule, so only case is ignored. A provider is added here only
	 * when it documents the rule (docs/security.md, "Signing limits and duplicate
	 * addresses"); the identities already stored are recomputed by a migration then.
	 */
	public static String identity(@Nullable String email) {
		String normalized = normalize(email);
		int at = normalized.lastIndexOf('@');
		if (at <= 0 || at == normalized.length() - 1) {
			return normalized;
		}
		String local = normalized.substring(0, at);
		String domain = normalized.substring(at + 1);
		Provider provider = PROVIDERS.get(domain);
		if (provider != null) {
			String mailbox = withoutTag(local);
			Pattern ignored = provider.ignored();
			if (ignored != null) {
				mailbox = ignored.matcher(mailbox).replaceAll("");
			}
			return mailbox.isEmpty() ? normalized : mailbox + "@" + provider.domain();
		}
		for (String fastmail : FASTMAIL_SUBDOMAINS) {
			if (domain.endsWith("." + fastmail)) {
				String name = domain.substring(0, domain.length() - fastmail.length() - 1);
				if (!name.isEmpty() && name.indexOf('.') < 0) {
					return name + "@" + fastmail;
				}
			}
		}
		return normalized;
	}

	/**
	 * The domains whose addresses have an {@link #identity} other than the normalised
	 * address (the providers above; Fastmail's subdomains are not listed), for
	 * recomputing stored identities when the rules change.
	 */
	public static Set<String> providerDomains() {
		return PROVIDERS.keySet();
	}

	/** The domain of an address, normalised; empty when there is none. */
	public static String domain(@Nullable String email) {
		String normalized = normalize(email);
		int at = normalized.lastIndexOf('@');
		return (at < 0) ? "" : normalized.substring(at + 1);
	}

	/** Whether the address, once normalised, is one we can send mail to. */
	public static boolean isValid(@Nullable String email) {
		String normalized = normalize(email);
		return normalized.length() <= MAX_LENGTH && VALID.matcher(normalized).matches();
	}

	/** The local part without its {@code +tag}; unchanged when it starts with one. */
	private static String withoutTag(String local) {
		int plus = local.indexOf('+');
		return (plus > 0) ? local.substring(0, plus) : local;
	}

	private static Provider own(String domain) {
		return new Provider(domain, null);
	}

	/**
	 * A provider that ignores {@code +tags}: the domain its addresses are known by, and
	 * the characters of the local part it ignores, if any.
	 */
	private record Provider(String domain, @Nullable Pattern ignored) {
	}

}
