package org.end287g.privacy.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import org.end287g.privacy.BlindIndex;
import org.end287g.privacy.EmailAddresses;
import org.end287g.privacy.PersonalDataCipher;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * AES-256-GCM for personal data (the column's name is the associated data) and
 * HMAC-SHA256 for blind indexes, both from {@link TinkKeys}.
 */
@Component
class TinkPersonalData implements PersonalDataCipher, BlindIndex {

	private static final int INDEX_BYTES = 32;

	private final TinkKeys keys;

	TinkPersonalData(TinkKeys keys) {
		this.keys = keys;
	}

	@Override
	public byte @Nullable [] seal(@Nullable String plain, String context) {
		if (plain == null) {
			return null;
		}
		try {
			return this.keys.aead()
				.encrypt(plain.getBytes(StandardCharsets.UTF_8), context.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot encrypt " + context, ex);
		}
	}

	@Override
	public @Nullable String open(byte @Nullable [] sealed, String context) {
		if (sealed == null) {
			return null;
		}
		try {
			return new String(this.keys.aead().decrypt(sealed, context.getBytes(StandardCharsets.UTF_8)),
					StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot decrypt " + context + ": wrong key or tampered value", ex);
		}
	}

	@Override
	public String ofEmail(String email) {
		return of("email", EmailAddresses.normalize(email));
	}

	@Override
	public String of(String kind, String value) {
		try {
			byte[] input = (kind + "\u0000" + value).getBytes(StandardCharsets.UTF_8);
			return Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(this.keys.prf().computePrimary(input, INDEX_BYTES));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot compute a blind index", ex);
		}
	}

}
