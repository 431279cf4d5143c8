package org.end287g.accounts.internal;

import java.util.List;

import org.end287g.audit.AuditLog;
import org.jspecify.annotations.Nullable;

import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;

/**
 * Spring Security's passkey store with two additions: adding and removing a passkey lands
 * in the audit log, and a passkey's label (the one text a person gives it) must be 1 to
 * {@value #MAX_LABEL} characters, whichever way it arrives.
 */
class AuditedUserCredentials implements UserCredentialRepository {

	public static final int MAX_LABEL = 100;

	private final UserCredentialRepository delegate;

	private final AuditLog audit;

	private final PublicKeyCredentialUserEntityRepository users;

	AuditedUserCredentials(UserCredentialRepository delegate, AuditLog audit,
			PublicKeyCredentialUserEntityRepository users) {
		this.delegate = delegate;
		this.audit = audit;
		this.users = users;
	}

	@Override
	public void delete(Bytes credentialId) {
		CredentialRecord existing = this.delegate.findByCredentialId(credentialId);
		this.delegate.delete(credentialId);
		if (existing != null) {
			String account = accountOf(existing);
			this.audit.record(account, "passkey.remove", account, null);
		}
	}

	@Override
	public void save(CredentialRecord record) {
		boolean added = this.delegate.findByCredentialId(record.getCredentialId()) == null;
		if (added) {
			String label = (record.getLabel() != null) ? record.getLabel().strip() : "";
			if (label.isEmpty() || label.length() > MAX_LABEL) {
				throw new IllegalArgumentException("A passkey's label has 1 to " + MAX_LABEL + " characters");
			}
		}
		this.delegate.save(record);
		if (added) {
			String account = accountOf(record);
			this.audit.record(account, "passkey.add", account, null);
		}
	}

	@Override
	public @Nullable CredentialRecord findByCredentialId(Bytes credentialId) {
		return this.delegate.findByCredentialId(credentialId);
	}

	@Override
	public List<CredentialRecord> findByUserId(Bytes userId) {
		return this.delegate.findByUserId(userId);
	}

	private String accountOf(CredentialRecord record) {
		PublicKeyCredentialUserEntity user = this.users.findById(record.getUserEntityUserId());
		return (user != null) ? user.getName() : "unknown";
	}

}
