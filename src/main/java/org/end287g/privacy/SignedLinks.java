package org.end287g.privacy;

import java.time.Duration;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Tokens for links in e-mails (see my data, unsubscribe): a payload, a purpose and an
 * expiry, authenticated with a key from configuration so they cannot be forged or reused
 * for another purpose.
 */
public interface SignedLinks {

	String sign(String purpose, String payload, Duration validFor);

	/** The payload, when the token is genuine, for this purpose and not expired. */
	Optional<String> verify(String purpose, @Nullable String token);

}
