package org.end287g.osdi.internal;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.end287g.DatabaseProduct;
import org.end287g.campaigns.SharedSignatures;
import org.end287g.events.SharedAttendances;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The webhooks' outbox. Each round, every instance first adds a delivery (ids only) for
 * each signature or attendance newly shared with an organization that has a webhook,
 * looking again a little before where it stopped, since a signature confirmed a moment
 * ago may commit late; the unique key drops what was added already. Then it claims due
 * deliveries (one conditional UPDATE, so two instances never claim the same row), builds
 * each payload from the sealed rows at that moment (a signature invalidated or forgotten
 * since is not sent), and sends it signed. A failure (an error status, a timeout, a
 * refused address) is tried again after a wait that doubles, up to
 * {@code end287g.osdi.webhook-attempts}; then the delivery waits for staff.
 */
@Component
class WebhookOutbox {

	private static final Logger log = LoggerFactory.getLogger(WebhookOutbox.class);

	/** How far before the last signature seen each round looks again. */
	static final Duration MARGIN = Duration.ofMinutes(2);

	private static final int BATCH = 20;

	private static final int LOOK_AHEAD = 5000;

	private final JdbcClient jdbc;

	private final Webhooks webhooks;

	private final SharedSignatures signatures;

	private final WebhookSender sender;

	private final OsdiProperties properties;

	private final String skipLocked;

	private final SharedAttendances attendances;

	private final OsdiResources resources;

	WebhookOutbox(JdbcClient jdbc, Webhooks webhooks, SharedSignatures signatures, WebhookSender sender,
			OsdiProperties properties, DataSource dataSource, SharedAttendances attendances, OsdiResources resources) {
		this.attendances = attendances;
		this.resources = resources;
		this.jdbc = jdbc;
		this.webhooks = webhooks;
		this.signatures = signatures;
		this.sender = sender;
		this.properties = properties;
		this.skipLocked = DatabaseProduct.isPostgresql(dataSource) ? " for update skip locked" : "";
	}

	@Scheduled(fixedDelayString = "${end287g.osdi.webhook-interval:5s}")
	void run() {
		try {
			round();
		}
		catch (RuntimeException ex) {
			log.warn("Webhook round failed; tried again next round: {}", ex.toString());
		}
	}

	/**
	 * One round: adds what is new, then sends what is due; returns how many were sent.
	 */
	int round() {
		enqueue();
		int sent = 0;
		List<Long> claimed = claim();
		while (!claimed.isEmpty()) {
			for (long id : claimed) {
				sent += deliver(id) ? 1 : 0;
			}
			claimed = claim();
		}
		return sent;
	}

	private void enqueue() {
		for (Webhooks.Webhook webhook : this.webhooks.all()) {
			long organization = webhook.organizationId();
			List<Fresh> signed = this.signatures
				.confirmedSince(organization, webhook.signaturesSeenUntil().minus(MARGIN), LOOK_AHEAD)
				.stream()
				.map((signature) -> new Fresh(signature.id(), signature.at()))
				.toList();
			enqueue(webhook, "SIGNATURE", signed)
				.ifPresent((at) -> this.webhooks.seenSignaturesUntil(organization, at));
			List<Fresh> registered = this.attendances
				.registeredSince(organization, webhook.attendancesSeenUntil().minus(MARGIN), LOOK_AHEAD)
				.stream()
				.map((attendance) -> new Fresh(attendance.id(), attendance.at()))
				.toList();
			enqueue(webhook, "ATTENDANCE", registered)
				.ifPresent((at) -> this.webhooks.seenAttendancesUntil(organization, at));
		}
	}

	/**
	 * Adds a delivery of this kind for each record shared since the webhook was
	 * registered; returns the time of the last one seen.
	 */
	private Optional<OffsetDateTime> enqueue(Webhooks.Webhook webhook, String kind, List<Fresh> fresh) {
		OffsetDateTime now = now();
		for (Fresh record : fresh) {
			if (!record.at().isBefore(webhook.createdAt())) {
				this.jdbc.sql("""
						insert into osdi_deliveries (organization_id, kind, record_id, created_at, due_at)
						values (?, ?, ?, ?, ?) on conflict do nothing""")
					.params(webhook.organizationId(), kind, record.id(), now, now)
					.update();
			}
		}
		return fresh.isEmpty() ? Optional.empty() : Optional.of(fresh.get(fresh.size() - 1).at());
	}

	/** A record newly shared: its id and when. */
	private record Fresh(long id, OffsetDateTime at) {
	}

	private List<Long> claim() {
		String token = UUID.randomUUID().toString();
		OffsetDateTime now = now();
		OffsetDateTime until = now.plus(this.properties.webhookTimeout().multipliedBy(BATCH + 5));
		this.jdbc
			.sql("""
					update osdi_deliveries set claim_token = ?, claimed_until = ?
					where delivered_at is null and failed_at is null and due_at <= ?
					and (claimed_until is null or claimed_until < ?) and id in (
						select id from osdi_deliveries where delivered_at is null and failed_at is null and due_at <= ?
						and (claimed_until is null or claimed_until < ?) order by due_at, id fetch first ? rows only"""
					+ this.skipLocked + ")")
			.params(token, until, now, now, now, now, BATCH)
			.update();
		return this.jdbc.sql("select id from osdi_deliveries where claim_token = ? order by due_at, id")
			.param(token)
			.query((rs, n) -> rs.getLong(1))
			.list();
	}

	/** Sends one claimed delivery; true when the receiver took it. */
	private boolean deliver(long id) {
		Delivery delivery = this.jdbc
			.sql("select id, organization_id, kind, record_id, attempts from osdi_deliveries where id = ?")
			.param(id)
			.query((rs, n) -> new Delivery(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getInt(5)))
			.single();
		Optional<Webhooks.Webhook> webhook = this.webhooks.of(delivery.organizationId());
		boolean attendance = "ATTENDANCE".equals(delivery.kind());
		Optional<Map<String, Object>> resource = attendance
				? this.attendances.find(delivery.organizationId(), delivery.recordId()).map(this.resources::attendance)
				: this.signatures.find(delivery.organizationId(), delivery.recordId()).map(this.resources::signature);
		if (webhook.isEmpty() || resource.isEmpty()) {
			// the webhook was removed, or the record is no longer shared: nothing to send
			finish(id, "withdrawn");
			return false;
		}
		String secret = this.webhooks.secret(delivery.organizationId()).orElseThrow();
		WebhookSender.Result result = this.sender.send(webhook.get().url(), secret, id,
				attendance ? "osdi:attendance" : "osdi:signature", resource.get());
		if (result.delivered()) {
			finish(id, result.status());
			return true;
		}
		failed(delivery, result.status());
		return false;
	}

	private void finish(long id, String status) {
		this.jdbc.sql("""
				update osdi_deliveries set delivered_at = ?, attempts = attempts + 1, last_status = ?,
				claim_token = null, claimed_until = null where id = ?""").params(now(), status, id).update();
	}

	private void failed(Delivery delivery, String status) {
		int attempts = delivery.attempts() + 1;
		OffsetDateTime now = now();
		boolean last = attempts >= this.properties.webhookAttempts();
		Duration wait = this.properties.webhookBackoff().multipliedBy(1L << Math.min(attempts - 1, 16));
		Duration capped = (wait.compareTo(Duration.ofDays(1)) > 0) ? Duration.ofDays(1) : wait;
		this.jdbc.sql("""
				update osdi_deliveries set attempts = ?, last_status = ?, due_at = ?, claim_token = null,
				claimed_until = null where id = ?""")
			.params(attempts, status, now.plus(capped), delivery.id())
			.update();
		if (last) {
			this.jdbc.sql("update osdi_deliveries set failed_at = ? where id = ?").params(now, delivery.id()).update();
		}
		log.info("Webhook delivery {} failed ({}), attempt {}", delivery.id(), status, attempts);
	}

	/** Staff send a failed delivery again, from its first attempt. */
	boolean retry(long organizationId, long id) {
		return this.jdbc.sql("""
				update osdi_deliveries set failed_at = null, attempts = 0, due_at = ?
				where id = ? and organization_id = ? and failed_at is not null""")
			.params(now(), id, organizationId)
			.update() > 0;
	}

	private record Delivery(long id, long organizationId, String kind, long recordId, int attempts) {
	}

	private static OffsetDateTime now() {
		return OffsetDateTime.now(ZoneOffset.UTC);
	}

}
