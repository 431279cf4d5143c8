package org.end287g.campaigns.signing;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.end287g.audit.AuditLog;
import org.end287g.privacy.BlindIndex;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff's fraud checks on a campaign's signatures: bulk invalidation by criteria (preview
 * first, then a confirm that must see the same counts), the burst report and hiding
 * comments.
 */
@Component
class SignatureChecks {

	/** A minute is flagged when it has at least this many signatures ... */
	static final int BURST_FLOOR = 10;

	/** ... and at least this many times the median of the minutes with signatures. */
	static final int BURST_FACTOR = 5;

	private final JdbcClient jdbc;

	private final BlindIndex index;

	private final Signers signers;

	private final SignatureCounts counts;

	private final AuditLog audit;

	private final Cities cities;

	SignatureChecks(JdbcClient jdbc, BlindIndex index, Signers signers, SignatureCounts counts, AuditLog audit,
			Cities cities) {
		this.jdbc = jdbc;
		this.index = index;
		this.signers = signers;
		this.counts = counts;
		this.audit = audit;
		this.cities = cities;
	}

	/** Which signatures to invalidate; any of them may be {@code null}, not all. */
	record Criteria(@Nullable String domain, @Nullable String client, @Nullable OffsetDateTime from,
			@Nullable OffsetDateTime to, @Nullable String reason) {

		/** What is stored and audited: the domain as its index, never a person's data. */
		String describe(@Nullable String domainIndex) {
			List<String> parts = new ArrayList<>();
			if (domainIndex != null) {
				parts.add("domain-index=" + domainIndex);
			}
			if (this.client != null) {
				parts.add("client=" + this.client);
			}
			if (this.from != null) {
				parts.add("from=" + this.from);
			}
			if (this.to != null) {
				parts.add("to=" + this.to);
			}
			return String.join(";", parts);
		}

	}

	/** What the criteria match now; samples only by first name, initial and city. */
	record Preview(long confirmed, long unconfirmed, List<String> samples) {
	}

	/** A domain as the campaign's signatures index it (within the campaign). */
	@Nullable String domainIndex(long campaignId, @Nullable String domain) {
		return (domain != null) ? this.index.ofDomainWithin(SignatureRows.holder(campaignId), domain) : null;
	}

	private String where(long campaignId, Criteria criteria, List<Object> params) {
		StringBuilder where = new StringBuilder(" where campaign_id = ? and invalidated_at is null");
		params.add(campaignId);
		if (criteria.domain() != null) {
			where.append(" and email_domain_index = ?");
			params.add(domainIndex(campaignId, criteria.domain()));
		}
		if (criteria.client() != null) {
			where.append(" and client_hash = ?");
			params.add(criteria.client());
		}
		if (criteria.from() != null) {
			where.append(" and created_at >= ?");
			params.add(criteria.from());
		}
		if (criteria.to() != null) {
			where.append(" and created_at < ?");
			params.add(criteria.to());
		}
		return where.toString();
	}

	Preview preview(long campaignId, Criteria criteria) {
		List<Object> params = new ArrayList<>();
		String where = where(campaignId, criteria, params);
		long[] found = this.jdbc
			.sql("select coalesce(sum(case when confirmed_at is null then 0 else 1 end), 0), "
					+ "coalesce(sum(case when confirmed_at is null then 1 else 0 end), 0) from signatures" + where)
			.params(params)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.single();
		List<String> samples = this.jdbc
			.sql("select first_name_sealed, last_name_sealed, zip_sealed from signatures" + where
					+ " order by id limit 5")
			.params(params)
			.query((rs, n) -> {
				String first = this.signers.open(rs.getBytes(1), "first_name");
				String last = this.signers.open(rs.getBytes(2), "last_name");
				String name = ((first != null) ? first : "") + ((last != null && !last.isEmpty())
						? " " + last.substring(0, last.offsetByCodePoints(0, 1)) + "." : "");
				String city = this.cities.of(this.signers.open(rs.getBytes(3), "zip"));
				return name.strip() + ((city != null) ? " (" + city + ")" : "");
			})
			.list();
		return new Preview(found[0], found[1], samples);
	}

	/** The outcome of a confirm: done, or the counts changed since the preview. */
	record Invalidated(boolean done, Preview now) {
	}

	@Transactional
	Invalidated invalidate(long campaignId, Criteria criteria, long expectedConfirmed, long expectedUnconfirmed,
			String actor) {
		List<Object> params = new ArrayList<>();
		String where = where(campaignId, criteria, params);
		List<long[]> rows = this.jdbc
			.sql("select id, case when confirmed_at is null then 0 else 1 end from signatures" + where + " for update")
			.params(params)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.list();
		long confirmed = rows.stream().filter((r) -> r[1] == 1).count();
		long unconfirmed = rows.size() - confirmed;
		if (confirmed != expectedConfirmed || unconfirmed != expectedUnconfirmed || rows.isEmpty()) {
			return new Invalidated(false, preview(campaignId, criteria));
		}
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		String described = criteria.describe(domainIndex(campaignId, criteria.domain()));
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into signature_invalidations (campaign_id, criteria, reason, affected, created_by, created_at)
				values (?, ?, ?, ?, ?, ?)""")
			.params(campaignId, described)
			.param(criteria.reason())
			.params(rows.size(), actor, now)
			.update(key, "id");
		long invalidation = Objects.requireNonNull(key.getKey(), "the insert returned no id").longValue();
		markInvalid(rows, invalidation, now);
		this.counts.invalidated(campaignId, confirmed);
		this.audit.record(actor, "signatures.invalidate", "campaign:" + campaignId,
				"invalidation=" + invalidation + " confirmed=" + confirmed + " unconfirmed=" + unconfirmed);
		return new Invalidated(true, new Preview(confirmed, unconfirmed, List.of()));
	}

	/** Marks the rows (id first) invalidated, 500 at a time. */
	private void markInvalid(List<long[]> rows, long invalidation, OffsetDateTime now) {
		for (int start = 0; start < rows.size(); start += 500) {
			List<long[]> chunk = rows.subList(start, Math.min(rows.size(), start + 500));
			StringBuilder ids = new StringBuilder();
			List<Object> values = new ArrayList<>(List.of(now, invalidation));
			for (long[] row : chunk) {
				ids.append((ids.length() == 0) ? "?" : ", ?");
				values.add(row[0]);
			}
			this.jdbc.sql(
					"update signatures set invalidated_at = ?, invalidation_id = ? where invalidated_at is null and id in ("
							+ ids + ")")
				.params(values)
				.update();
		}
	}

	/** Signatures per minute in a window, with the minutes that stand out. */
	record Bursts(OffsetDateTime from, OffsetDateTime to, long total, double median, List<Minute> minutes,
			List<Top> clients, List<Top> domains) {
	}

	record Minute(OffsetDateTime at, long count, boolean flagged) {
	}

	record Top(String value, long count) {
	}

	Bursts bursts(long campaignId, OffsetDateTime from, OffsetDateTime to) {
		return bursts(campaignId, from, to, false);
	}

	/**
	 * The burst report, of every signature in the window or, with {@code validOnly}, of
	 * those not invalidated (a burst staff invalidated no longer waits for them).
	 */
	Bursts bursts(long campaignId, OffsetDateTime from, OffsetDateTime to, boolean validOnly) {
		TreeMap<Instant, Long> perMinute = new TreeMap<>();
		this.jdbc
			.sql("select created_at from signatures where campaign_id = ? and created_at >= ? and created_at < ?"
					+ (validOnly ? " and invalidated_at is null" : ""))
			.params(campaignId, from, to)
			.query((rs) -> {
				Instant minute = rs.getObject(1, OffsetDateTime.class).toInstant().truncatedTo(ChronoUnit.MINUTES);
				perMinute.merge(minute, 1L, Long::sum);
			});
		List<Long> sorted = perMinute.values().stream().sorted().toList();
		double median = sorted.isEmpty() ? 0 : (sorted.size() % 2 == 1) ? sorted.get(sorted.size() / 2)
				: (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2.0;
		long total = sorted.stream().mapToLong(Long::longValue).sum();
		List<Minute> minutes = new ArrayList<>();
		for (Map.Entry<Instant, Long> entry : perMinute.entrySet()) {
			boolean flagged = entry.getValue() >= BURST_FLOOR && entry.getValue() >= BURST_FACTOR * median;
			minutes.add(new Minute(entry.getKey().atOffset(ZoneOffset.UTC), entry.getValue(), flagged));
		}
		return new Bursts(from, to, total, median, minutes, top("client_hash", campaignId, from, to),
				top("email_domain_index", campaignId, from, to));
	}

	private List<Top> top(String column, long campaignId, OffsetDateTime from, OffsetDateTime to) {
		return this.jdbc
			.sql("select " + column + ", count(*) as n from signatures where campaign_id = ? and created_at >= ? "
					+ "and created_at < ? and " + column + " is not null group by " + column + " order by n desc, "
					+ column + " limit 10")
			.params(campaignId, from, to)
			.query((rs, n) -> new Top(rs.getString(1), rs.getLong(2)))
			.list();
	}

	/** A comment as staff read it to moderate. */
	record Comment(long id, String text, @Nullable String city, OffsetDateTime at, boolean hidden) {
	}

	List<Comment> comments(long campaignId) {
		return this.jdbc.sql("""
				select id, comment_sealed, zip_sealed, created_at, comment_hidden from signatures
				where campaign_id = ? and comment_sealed is not null order by created_at desc, id desc limit 50""")
			.param(campaignId)
			.query((rs, n) -> new Comment(rs.getLong(1), this.signers.open(rs.getBytes(2), "comment"),
					this.cities.of(this.signers.open(rs.getBytes(3), "zip")), rs.getObject(4, OffsetDateTime.class),
					rs.getBoolean(5)))
			.list();
	}

	@Transactional
	boolean hide(long campaignId, long signatureId, boolean hidden, String actor) {
		int updated = this.jdbc.sql("update signatures set comment_hidden = ? where id = ? and campaign_id = ?")
			.params(hidden, signatureId, campaignId)
			.update();
		if (updated == 1) {
			this.audit.record(actor, hidden ? "signature.comment.hide" : "signature.comment.show",
					"campaign:" + campaignId, "signature=" + signatureId);
		}
		return updated == 1;
	}

}
