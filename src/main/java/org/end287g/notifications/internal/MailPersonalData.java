package org.end287g.notifications.internal;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.end287g.privacy.PersonalDataCipher;
import org.end287g.privacy.PersonalDataHolder;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Section "mail" of a person's data: the messages to them (date, subject, status) and the
 * kinds of mail they unsubscribed from. Forgetting deletes both, queued messages too.
 */
@Component
class MailPersonalData implements PersonalDataHolder {

	private final JdbcClient jdbc;

	private final PersonalDataCipher cipher;

	MailPersonalData(JdbcClient jdbc, PersonalDataCipher cipher) {
		this.jdbc = jdbc;
		this.cipher = cipher;
	}

	@Override
	public String section() {
		return "mail";
	}

	@Override
	public Map<String, Object> describe(String emailIndex) {
		List<Map<String, Object>> messages = this.jdbc.sql("""
				SELECT created_at, subject_sealed, status, sent_at FROM mail_outbox
				WHERE recipient_index = ? ORDER BY created_at DESC, id DESC""").param(emailIndex).query((rs, row) -> {
			Map<String, Object> message = new LinkedHashMap<>();
			message.put("date", rs.getObject("created_at", OffsetDateTime.class).toInstant().toString());
			message.put("subject", this.cipher.open(rs.getBytes("subject_sealed"), JdbcOutbox.SUBJECT));
			message.put("status", rs.getString("status"));
			OffsetDateTime sent = rs.getObject("sent_at", OffsetDateTime.class);
			message.put("sentAt", (sent != null) ? sent.toInstant().toString() : null);
			return message;
		}).list();
		List<String> unsubscribed = this.jdbc
			.sql("SELECT category FROM mail_suppressions WHERE recipient_index = ? ORDER BY category")
			.param(emailIndex)
			.query((rs, row) -> rs.getString("category"))
			.list();
		Map<String, Object> data = new LinkedHashMap<>();
		if (!messages.isEmpty()) {
			data.put("messages", messages);
		}
		if (!unsubscribed.isEmpty()) {
			data.put("unsubscribedFrom", unsubscribed);
		}
		return data;
	}

	@Override
	public Optional<String> address(String emailIndex) {
		return this.jdbc
			.sql("SELECT recipient_sealed FROM mail_outbox WHERE recipient_index = ? ORDER BY id DESC LIMIT 1")
			.param(emailIndex)
			.query((rs, row) -> this.cipher.open(rs.getBytes(1), JdbcOutbox.RECIPIENT))
			.optional();
	}

	@Override
	@Transactional
	public void forget(String emailIndex) {
		this.jdbc.sql("DELETE FROM mail_outbox WHERE recipient_index = ?").param(emailIndex).update();
		this.jdbc.sql("DELETE FROM mail_suppressions WHERE recipient_index = ?").param(emailIndex).update();
	}

}
