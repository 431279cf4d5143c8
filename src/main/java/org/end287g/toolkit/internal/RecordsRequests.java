package org.end287g.toolkit.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.end287g.audit.AuditLog;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public-records request of a campaign's leaders to the target agency: when it was
 * sent, when and what the agency answered ({@code toolkit_records_requests}, one per
 * campaign). The letter itself is written from the tracker's data each time.
 */
@Component
class RecordsRequests {

	static final int MAX_ANSWER = 5000;

	/** What the leaders recorded; every field may be empty. */
	record Record(@Nullable LocalDate sentOn, @Nullable LocalDate answeredOn, @Nullable String answer) {

		static final Record NONE = new Record(null, null, null);

	}

	private final JdbcClient jdbc;

	private final AuditLog audit;

	RecordsRequests(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	Record of(long campaignId) {
		Optional<Record> stored = this.jdbc
			.sql("select sent_on, answered_on, answer from toolkit_records_requests where campaign_id = ?")
			.param(campaignId)
			.query((rs, n) -> new Record(rs.getObject("sent_on", LocalDate.class),
					rs.getObject("answered_on", LocalDate.class), rs.getString("answer")))
			.optional();
		return stored.orElse(Record.NONE);
	}

	private int update(String actor, long campaignId, Record record, OffsetDateTime now) {
		return this.jdbc.sql("""
				update toolkit_records_requests set sent_on = ?, answered_on = ?, answer = ?, updated_by = ?,
				updated_at = ? where campaign_id = ?""")
			.param(record.sentOn())
			.param(record.answeredOn())
			.param(record.answer())
			.params(actor, now, campaignId)
			.update();
	}

	/**
	 * Saves what the leaders recorded (again: the same), audited in the same transaction.
	 */
	@Transactional
	void save(String actor, long campaignId, Record record) {
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		if (update(actor, campaignId, record, now) == 0) {
			try {
				this.jdbc.sql("""
						insert into toolkit_records_requests (campaign_id, sent_on, answered_on, answer, updated_by,
						updated_at) values (?, ?, ?, ?, ?, ?)""")
					.param(campaignId)
					.param(record.sentOn())
					.param(record.answeredOn())
					.param(record.answer())
					.params(actor, now)
					.update();
			}
			catch (DuplicateKeyException raced) {
				update(actor, campaignId, record, now);
			}
		}
		this.audit.record(actor, "toolkit.records-request", Long.toString(campaignId),
				"sent=" + record.sentOn() + " answered=" + record.answeredOn());
	}

}
