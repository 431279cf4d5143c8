package org.end287g.privacy.internal;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the keys come from. Production sets the three keysets (Tink JSON) from its secret
 * store, the same on every app instance; the embedded setup, when they are blank, keeps
 * generated keysets in files under {@code keysDir}, outside the database.
 *
 * @param aeadKeyset encrypts personal data (AES-256-GCM)
 * @param prfKeyset keyed hashes: blind indexes and client addresses (HMAC-SHA256)
 * @param macKeyset authenticates signed links (HMAC-SHA256)
 * @param keysDir where generated keysets are kept when the three are blank
 */
@ConfigurationProperties("end287g.crypto")
record CryptoProperties(@Nullable String aeadKeyset, @Nullable String prfKeyset, @Nullable String macKeyset,
		@DefaultValue("./data/keys") Path keysDir) {

	boolean configured() {
		return present(this.aeadKeyset) || present(this.prfKeyset) || present(this.macKeyset);
	}

	private static boolean present(@Nullable String value) {
		return value != null && !value.isBlank();
	}

}
