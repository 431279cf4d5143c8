package org.end287g.campaigns.signing;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.end287g.privacy.PersonalDataCipher;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.lang.Contract;
import org.springframework.stereotype.Component;

/**
 * The signers of a campaign as staff and leaders read them: confirmed, not invalidated,
 * decrypted, never their e-mail addresses. Also the supporters who asked for the
 * campaign's updates, with the address and language to write to them in, for the mail of
 * leaders' updates and of a win.
 */
@Component
public class Signers {

	/** Supporters looked up per statement. */
	private static final int CHUNK = 500;

	private final JdbcClient jdbc;

	private final PersonalDataCipher cipher;

	private final Cities cities;

	Signers(JdbcClient jdbc, PersonalDataCipher cipher, Cities cities) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.cities = cities;
	}

	/**
	 * Valid signatures sorted by ZIP code, last and first name; comments only when asked
	 * for and never the hidden ones.
	 */
	public List<Signer> valid(long campaignId, boolean comments) {
		List<Signer> signers = new ArrayList<>();
		this.jdbc.sql("""
				select first_name_sealed, last_name_sealed, zip_sealed, comment_sealed, comment_hidden, source,
				created_at from signatures
				where campaign_id = ? and confirmed_at is not null and invalidated_at is null order by id""")
			.param(campaignId)
			.query((rs) -> {
				String comment = (comments && !rs.getBoolean("comment_hidden"))
						? open(rs.getBytes("comment_sealed"), "comment") : null;
				String zip = nonNull(open(rs.getBytes("zip_sealed"), "zip"));
				signers.add(new Signer(zip, nonNull(this.cities.of(zip)),
						nonNull(open(rs.getBytes("first_name_sealed"), "first_name")),
						nonNull(open(rs.getBytes("last_name_sealed"), "last_name")), comment, rs.getString("source"),
						rs.getObject("created_at", OffsetDateTime.class)));
			});
		signers.sort(Comparator.comparing(Signer::zip)
			.thenComparing((Signer s) -> s.lastName().toLowerCase(Locale.ROOT))
			.thenComparing((Signer s) -> s.firstName().toLowerCase(Locale.ROOT)));
		return signers;
	}

	/** Where to write a supporter who asked for a campaign's updates. */
	public record Subscriber(String email, String language) {

		@Override
		public String toString() {
			return "Subscriber[" + this.language + "]";
		}

	}

	/** Subscribers in the order of their signatures, and where the next page starts. */
	public record Subscribers(List<Subscriber> page, long lastSignatureId) {
	}

	/**
	 * A page of the supporters whose confirmed, valid signature asked for the campaign's
	 * updates: those signed after the signature {@code afterSignatureId}, at most
	 * {@code limit}.
	 */
	public Subscribers subscribers(long campaignId, long afterSignatureId, int limit) {
		List<long[]> rows = this.jdbc.sql("""
				select id, supporter_sealed from signatures
				where campaign_id = ? and campaign_updates = true and confirmed_at is not null
				and invalidated_at is null and supporter_sealed is not null and id > ? order by id limit ?""")
			.params(campaignId, afterSignatureId, limit)
			.query((rs, n) -> new long[] { rs.getLong(1), supporter(rs.getBytes(2)) })
			.list();
		Map<Long, Subscriber> found = supporters(rows.stream().map((row) -> row[1]).toList());
		List<Subscriber> page = new ArrayList<>();
		for (long[] row : rows) {
			Subscriber subscriber = found.get(row[1]);
			if (subscriber != null) {
				page.add(subscriber);
			}
		}
		return new Subscribers(page, rows.isEmpty() ? afterSignatureId : rows.get(rows.size() - 1)[0]);
	}

	/**
	 * Each supporter whose confirmed, valid signature asked for the campaign's updates,
	 * once, in the language they signed in.
	 */
	public List<Subscriber> subscribedSupporters(long campaignId) {
		Map<Long, String> languages = new TreeMap<>();
		this.jdbc.sql("""
				select supporter_sealed, language from signatures
				where campaign_id = ? and campaign_updates = true and confirmed_at is not null
				and invalidated_at is null and supporter_sealed is not null""")
			.param(campaignId)
			.query((RowCallbackHandler) (rs) -> languages.putIfAbsent(supporter(rs.getBytes(1)), rs.getString(2)));
		Map<Long, Subscriber> found = supporters(List.copyOf(languages.keySet()));
		List<Subscriber> subscribers = new ArrayList<>();
		languages.forEach((id, language) -> {
			Subscriber subscriber = found.get(id);
			if (subscriber != null) {
				subscribers.add(new Subscriber(subscriber.email(), language));
			}
		});
		return subscribers;
	}

	/**
	 * The supporter a signature names, sealed: signatures store no supporter id in clear.
	 */
	private long supporter(byte[] sealed) {
		return Long.parseLong(this.cipher.open(sealed, SignatureRows.SUPPORTER));
	}

	/** The address and language of these supporters, by id; those gone are absent. */
	private Map<Long, Subscriber> supporters(List<Long> ids) {
		Map<Long, Subscriber> found = new HashMap<>();
		List<Long> distinct = ids.stream().distinct().toList();
		for (int start = 0; start < distinct.size(); start += CHUNK) {
			List<Long> chunk = distinct.subList(start, Math.min(distinct.size(), start + CHUNK));
			this.jdbc
				.sql("select id, email_sealed, language from supporters where id in ("
						+ String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")")
				.params(new ArrayList<Object>(chunk))
				.query((RowCallbackHandler) (rs) -> found.put(rs.getLong(1),
						new Subscriber(this.cipher.open(rs.getBytes(2), "supporters.email"), rs.getString(3))));
		}
		return found;
	}

	/** A sealed column opened; {@code null} stays {@code null}. */
	@Contract("!null, _ -> !null")
	@Nullable String open(byte @Nullable [] sealed, String column) {
		return this.cipher.open(sealed, "signatures." + column);
	}

	private static String nonNull(@Nullable String value) {
		return (value != null) ? value : "";
	}

	/** One signature as the packet prints it. */
	public record Signer(String zip, String city, String firstName, String lastName, @Nullable String comment,
			String source, OffsetDateTime signedAt) {

		public String name() {
			return (this.firstName + " " + this.lastName).strip();
		}

		@Override
		public String toString() {
			return "Signer[zip=" + this.zip + "]";
		}

	}

}
