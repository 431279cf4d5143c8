package org.end287g.privacy.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import org.end287g.privacy.SignedLinks;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * {@code payload.expiry.tag}: the payload in base64url, the expiry in epoch seconds, and
 * an HMAC over purpose, expiry and payload. Tokens are not encrypted: payloads are blind
 * indexes or ids, never personal data.
 */
@Component
class TinkSignedLinks implements SignedLinks {

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

	private static final int MAX_TOKEN_CHARS = 1000;

	private final TinkKeys keys;

	private final Clock clock;

	TinkSignedLinks(TinkKeys keys, Optional<Clock> clock) {
		this.keys = keys;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	@Override
	public String sign(String purpose, String payload, Duration validFor) {
		long expiry = this.clock.instant().plus(validFor).getEpochSecond();
		String encoded = ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
		return encoded + "." + expiry + "." + ENCODER.encodeToString(tag(purpose, encoded, expiry));
	}

	@Override
	public Optional<String> verify(String purpose, @Nullable String token) {
		if (token == null || token.length() > MAX_TOKEN_CHARS) {
			return Optional.empty();
		}
		String[] parts = token.split("\\.", -1);
		if (parts.length != 3) {
			return Optional.empty();
		}
		try {
			long expiry = Long.parseLong(parts[1]);
			this.keys.mac().verifyMac(DECODER.decode(parts[2]), message(purpose, parts[0], expiry));
			if (this.clock.instant().getEpochSecond() > expiry) {
				return Optional.empty();
			}
			return Optional.of(new String(DECODER.decode(parts[0]), StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private byte[] tag(String purpose, String encodedPayload, long expiry) {
		try {
			return this.keys.mac().computeMac(message(purpose, encodedPayload, expiry));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot sign a link", ex);
		}
	}

	private static byte[] message(String purpose, String encodedPayload, long expiry) {
		return (purpose + "\u0000" + expiry + "\u0000" + encodedPayload).getBytes(StandardCharsets.UTF_8);
	}

}
