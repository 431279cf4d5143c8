package org.end287g.campaigns.leaders;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.end287g.SiteAddress;
import org.end287g.accounts.AccountDirectory;
import org.end287g.notifications.Mail;
import org.end287g.notifications.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells staff (every active admin, each in their language) that requests to lead a
 * campaign wait for them on /admin/leaders. The first confirmed request is told at once;
 * those confirmed within {@code end287g.campaigns.leaders.staff-mail-every} of that mail
 * wait for one digest at the end of the interval, which lists every request still
 * waiting. So staff get at most one such mail per interval, however many arrive.
 * <p>
 * On every instance alike: the time of the last mail and whether a request came since are
 * one row of {@code staff_digests}, and a mail is sent only by the transaction whose
 * conditional UPDATE of that row wins (the row lock makes a second instance see the first
 * one's time and send nothing); the mails go through the outbox in that same transaction,
 * so a rolled-back confirmation tells no one.
 */
@Component
class StaffLeaderAlerts {

	private static final Logger log = LoggerFactory.getLogger(StaffLeaderAlerts.class);

	/** The row of {@code staff_digests} this keeps. */
	static final String KIND = "leader-requests";

	private final JdbcClient jdbc;

	private final AccountDirectory directory;

	private final Outbox outbox;

	private final SiteAddress site;

	private final Duration every;

	private final TransactionTemplate transactions;

	private final Clock clock;

	StaffLeaderAlerts(JdbcClient jdbc, AccountDirectory directory, Outbox outbox, SiteAddress site,
			LeaderSettings settings, TransactionTemplate transactions, Optional<Clock> clock) {
		this.jdbc = jdbc;
		this.directory = directory;
		this.outbox = outbox;
		this.site = site;
		this.every = settings.staffMailEvery();
		this.transactions = transactions;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/**
	 * A request was confirmed, in the caller's transaction: staff are told now unless
	 * they were told less than the interval ago; then the next digest tells them.
	 */
	void requestConfirmed() {
		Instant now = this.clock.instant();
		int claimed = this.jdbc.sql("""
				update staff_digests set sent_at = ?, due = false
				where kind = ? and (sent_at is null or sent_at <= ?)""")
			.params(at(now), KIND, at(now.minus(this.every)))
			.update();
		if (claimed == 1) {
			tellStaff();
		}
		else {
			this.jdbc.sql("update staff_digests set due = true where kind = ?").param(KIND).update();
		}
	}

	@Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
	void scheduled() {
		try {
			sendDue(this.clock.instant());
		}
		catch (RuntimeException ex) {
			log.warn("The staff digest of leader requests failed; the next minute retries", ex);
		}
	}

	/**
	 * Sends the digest when a request came since the last mail and the interval has
	 * passed, in its own transaction; whether this call sent it.
	 */
	boolean sendDue(Instant now) {
		return Boolean.TRUE.equals(this.transactions.execute((status) -> {
			int claimed = this.jdbc.sql("""
					update staff_digests set sent_at = ?, due = false
					where kind = ? and due = true and (sent_at is null or sent_at <= ?)""")
				.params(at(now), KIND, at(now.minus(this.every)))
				.update();
			if (claimed == 0) {
				return false;
			}
			tellStaff();
			return true;
		}));
	}

	/** Campaigns with requests waiting, oldest first, and how many each. */
	public record Waiting(String campaign, long requests) {

	}

	/** One mail to each admin listing the requests now waiting; none when none waits. */
	private void tellStaff() {
		Map<String, Long> byCampaign = new LinkedHashMap<>();
		this.jdbc.sql("""
				select c.title from leader_applications a join campaigns c on c.id = a.campaign_id
				where a.status = 'PENDING' order by a.confirmed_at, a.id""")
			.query(String.class)
			.list()
			.forEach((title) -> byCampaign.merge(title, 1L, Long::sum));
		long total = byCampaign.values().stream().mapToLong(Long::longValue).sum();
		if (total == 0) {
			return;
		}
		List<Waiting> waiting = byCampaign.entrySet()
			.stream()
			.map((entry) -> new Waiting(entry.getKey(), entry.getValue()))
			.toList();
		for (AccountDirectory.Recipient admin : this.directory.admins()) {
			Map<String, Object> model = new LinkedHashMap<>();
			model.put("total", total);
			model.put("waiting", waiting);
			model.put("link", this.site.link("/admin/leaders"));
			model.put("home", this.site.link("/admin"));
			model.put("minutes", this.every.toMinutes());
			model.put("subjectArgs", List.of(total));
			this.outbox.enqueue(Mail.transactional(admin.email(), admin.language(), "leader-requests", model));
		}
	}

	private static OffsetDateTime at(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
