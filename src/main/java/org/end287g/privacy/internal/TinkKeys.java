package org.end287g.privacy.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Mac;
import com.google.crypto.tink.Parameters;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.mac.MacConfig;
import com.google.crypto.tink.mac.PredefinedMacParameters;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import com.google.crypto.tink.prf.PrfConfig;
import com.google.crypto.tink.prf.PrfSet;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The three keysets, read once at start. A keyset may hold several keys: the primary one
 * encrypts and signs, all of them decrypt and verify, which is how keys rotate (see
 * docs/security.md).
 */
@Component
class TinkKeys {

	private static final Logger log = LoggerFactory.getLogger(TinkKeys.class);

	private final Aead aead;

	private final PrfSet prf;

	private final Mac mac;

	TinkKeys(CryptoProperties properties) throws GeneralSecurityException {
		AeadConfig.register();
		PrfConfig.register();
		MacConfig.register();
		if (!properties.configured()) {
			log.warn("No keys configured (end287g.crypto.*): using generated keys in {}. Keep them out of "
					+ "database backups; every app instance must use the same keys.", properties.keysDir());
		}
		this.aead = keyset(properties.aeadKeyset(), properties.keysDir().resolve("aead.json"),
				PredefinedAeadParameters.AES256_GCM)
			.getPrimitive(RegistryConfiguration.get(), Aead.class);
		this.prf = keyset(properties.prfKeyset(), properties.keysDir().resolve("prf.json"),
				PredefinedPrfParameters.HMAC_SHA256_PRF)
			.getPrimitive(RegistryConfiguration.get(), PrfSet.class);
		this.mac = keyset(properties.macKeyset(), properties.keysDir().resolve("mac.json"),
				PredefinedMacParameters.HMAC_SHA256_256BITTAG)
			.getPrimitive(RegistryConfiguration.get(), Mac.class);
	}

	public Aead aead() {
		return this.aead;
	}

	public PrfSet prf() {
		return this.prf;
	}

	public Mac mac() {
		return this.mac;
	}

	private static KeysetHandle keyset(@Nullable String configured, Path file, Parameters parameters)
			throws GeneralSecurityException {
		if (configured != null && !configured.isBlank()) {
			return TinkJsonProtoKeysetFormat.parseKeyset(configured, InsecureSecretKeyAccess.get());
		}
		try {
			if (Files.exists(file)) {
				return TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(file, StandardCharsets.UTF_8),
						InsecureSecretKeyAccess.get());
			}
			KeysetHandle generated = KeysetHandle.generateNew(parameters);
			Files.createDirectories(file.getParent());
			try {
				Files.writeString(file,
						TinkJsonProtoKeysetFormat.serializeKeyset(generated, InsecureSecretKeyAccess.get()),
						StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			}
			catch (java.nio.file.FileAlreadyExistsException raced) {
				// another process wrote it first: use theirs
				return keyset(null, file, parameters);
			}
			catch (UnsupportedOperationException notPosix) {
				// the file system has no POSIX permissions: keep the file as it is
			}
			return generated;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or write the keyset " + file, ex);
		}
	}

}
