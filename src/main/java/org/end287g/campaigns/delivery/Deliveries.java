package org.end287g.campaigns.delivery;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.end287g.audit.AuditLog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deliveries of petitions ({@code campaign_deliveries}) and the outcome leaders propose.
 */
@Component
class Deliveries {

	private final JdbcClient jdbc;

	private final AuditLog audit;

	Deliveries(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/** A delivery as pages show it. */
	record Delivery(long id, LocalDate deliveredOn, String place, String receivedBy, String notes, boolean photo) {
	}

	record StoredPhoto(byte[] bytes, String type) {
	}

	@Transactional
	void record(long campaignId, LocalDate date, String place, String receivedBy, String notes, Photos.Photo photo,
			String actor) {
		this.jdbc.sql("""
				insert into campaign_deliveries (campaign_id, delivered_on, place, received_by, notes, photo,
				photo_type, recorded_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(campaignId, date, place, receivedBy, notes, (photo != null) ? photo.bytes() : null,
					(photo != null) ? photo.type() : null, actor, OffsetDateTime.now(ZoneOffset.UTC))
			.update();
		this.audit.record(actor, "campaign.delivery", "campaign:" + campaignId, (photo != null) ? "photo" : null);
	}

	@Transactional
	void propose(long campaignId, String outcome, String note, String actor) {
		this.jdbc
			.sql("update campaigns set proposed_outcome = ?, proposed_note = ?, proposed_at = ?, proposed_by = ? "
					+ "where id = ?")
			.params(outcome, note, OffsetDateTime.now(ZoneOffset.UTC), actor, campaignId)
			.update();
		this.audit.record(actor, "campaign.outcome.proposed", "campaign:" + campaignId, outcome);
	}

	/** The outcome leaders last proposed, if any. */
	Optional<String> proposal(long campaignId) {
		return this.jdbc.sql("select proposed_outcome from campaigns where id = ? and proposed_outcome is not null")
			.param(campaignId)
			.query(String.class)
			.optional();
	}

	List<Delivery> of(long campaignId) {
		return this.jdbc.sql("""
				select id, delivered_on, place, received_by, notes, photo_type from campaign_deliveries
				where campaign_id = ? order by delivered_on desc, id desc""")
			.param(campaignId)
			.query((rs, n) -> new Delivery(rs.getLong("id"), rs.getObject("delivered_on", LocalDate.class),
					rs.getString("place"), rs.getString("received_by"), rs.getString("notes"),
					rs.getString("photo_type") != null))
			.list();
	}

	Optional<StoredPhoto> photo(long campaignId, long deliveryId) {
		return this.jdbc.sql(
				"select photo, photo_type from campaign_deliveries where id = ? and campaign_id = ? and photo is not null")
			.params(deliveryId, campaignId)
			.query((rs, n) -> new StoredPhoto(rs.getBytes("photo"), rs.getString("photo_type")))
			.optional();
	}

}
