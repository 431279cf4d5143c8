package org.end287g.campaigns.delivery;

import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import jakarta.validation.constraints.Pattern;
import org.end287g.audit.AuditLog;
import org.end287g.campaigns.lifecycle.CampaignLifecycle;
import org.end287g.validation.PlainText;
import org.end287g.validation.TypedText;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;
import org.springframework.web.multipart.MultipartFile;

/**
 * Deliveries of petitions ({@code campaign_deliveries}) and the outcome leaders propose,
 * with the forms leaders type them into.
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
	record Delivery(long id, LocalDate deliveredOn, String place, @Nullable String receivedBy, @Nullable String notes,
			boolean photo) {
	}

	record StoredPhoto(byte[] bytes, String type) {
	}

	/** A delivery as the leader records it, with an optional photo. */
	record DeliveryForm(String deliveredOn,
			@PlainText(max = 300, required = "{staff.error.required}", tooLong = "{staff.error.tooLong.300}",
					message = "{staff.error.control}") String place,
			@PlainText(max = 300, tooLong = "{staff.error.tooLong.300}",
					message = "{staff.error.control}") String receivedBy,
			@PlainText(max = 5000, multiline = true, tooLong = "{staff.error.tooLong.5000}",
					message = "{staff.error.control}") String notes,
			@Nullable MultipartFile photo) {

		DeliveryForm {
			deliveredOn = TypedText.line(deliveredOn);
			place = TypedText.line(place);
			receivedBy = TypedText.line(receivedBy);
			notes = TypedText.lines(notes);
		}

		/**
		 * The day, not after today anywhere (UTC+14) nor before 2000; null with an error.
		 */
		@Nullable LocalDate day(Errors errors) {
			return Deliveries.day(this.deliveredOn, "deliveredOn", errors);
		}

		/** The photo without its metadata; null for none or with an error. */
		Photos.@Nullable Photo cleanPhoto(Errors errors) throws IOException {
			if (this.photo == null || this.photo.isEmpty()) {
				return null;
			}
			try {
				if (this.photo.getSize() > Photos.MAX_BYTES) {
					throw new Photos.Rejected("delivery.error.photo.size");
				}
				return Photos.clean(this.photo.getBytes());
			}
			catch (Photos.Rejected rejected) {
				errors.rejectValue("photo", rejected.key());
				return null;
			}
		}

	}

	/**
	 * A day typed in a form, not after today anywhere (UTC+14) nor before 2000; null with
	 * an error on the field.
	 */
	static @Nullable LocalDate day(String value, String field, Errors errors) {
		if (value.isEmpty()) {
			errors.rejectValue(field, "staff.error.required");
			return null;
		}
		try {
			LocalDate date = LocalDate.parse(value);
			// the day is already today somewhere: the latest time zone (UTC+14) decides
			if (date.isAfter(LocalDate.now(ZoneOffset.ofHours(14)))) {
				errors.rejectValue(field, "delivery.error.future");
			}
			else if (date.isBefore(LocalDate.of(2000, 1, 1))) {
				errors.rejectValue(field, "delivery.error.date");
			}
			return date;
		}
		catch (DateTimeParseException ex) {
			errors.rejectValue(field, "delivery.error.date");
			return null;
		}
	}

	/** The outcome the leaders propose to staff, with a note. */
	record ProposalForm(@Pattern(regexp = "WON|LOST|ONGOING", message = "{staff.error.choice}") String outcome,
			@PlainText(max = CampaignLifecycle.MAX_NOTE, multiline = true, tooLong = "{staff.error.tooLong.2000}",
					message = "{staff.error.control}") String note) {

		ProposalForm {
			outcome = TypedText.line(outcome);
			note = TypedText.lines(note);
		}

	}

	@Transactional
	void record(long campaignId, LocalDate date, String place, @Nullable String receivedBy, @Nullable String notes,
			Photos.@Nullable Photo photo, String actor) {
		this.jdbc.sql("""
				insert into campaign_deliveries (campaign_id, delivered_on, place, received_by, notes, photo,
				photo_type, recorded_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(campaignId, date, place)
			.param(receivedBy)
			.param(notes)
			.param((photo != null) ? photo.bytes() : null)
			.param((photo != null) ? photo.type() : null)
			.params(actor, OffsetDateTime.now(ZoneOffset.UTC))
			.update();
		this.audit.record(actor, "campaign.delivery", "campaign:" + campaignId, (photo != null) ? "photo" : null);
	}

	@Transactional
	void propose(long campaignId, String outcome, @Nullable String note, String actor) {
		this.jdbc
			.sql("update campaigns set proposed_outcome = ?, proposed_note = ?, proposed_at = ?, proposed_by = ? "
					+ "where id = ?")
			.param(outcome)
			.param(note)
			.params(OffsetDateTime.now(ZoneOffset.UTC), actor, campaignId)
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
