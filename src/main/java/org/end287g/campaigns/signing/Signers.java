package org.end287g.campaigns.signing;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.end287g.privacy.PersonalDataCipher;
import org.jspecify.annotations.Nullable;

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

	private final JdbcClient jdbc;

	private final PersonalDataCipher cipher;

	Signers(JdbcClient jdbc, PersonalDataCipher cipher) {
		this.jdbc = jdbc;
		this.cipher = cipher;
	}

	/**
	 * Valid signatures sorted by ZIP code, last and first name; comments only when asked
	 * for and never the hidden ones.
	 */
	public List<Signer> valid(long campaignId, boolean comments) {
		List<Signer> signers = new ArrayList<>();
		this.jdbc.sql("""
				select first_name_sealed, last_name_sealed, zip_sealed, comment_sealed, comment_hidden, city, source,
				created_at from signatures
				where campaign_id = ? and confirmed_at is not null and invalidated_at is null order by id""")
			.param(campaignId)
			.query((rs) -> {
				String comment = (comments && !rs.getBoolean("comment_hidden"))
						? open(rs.getBytes("comment_sealed"), "comment") : null;
				signers.add(new Signer(nonNull(open(rs.getBytes("zip_sealed"), "zip")), nonNull(rs.getString("city")),
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
		List<Signed> rows = this.jdbc.sql("""
				select s.id, p.email_sealed, p.language from signatures s join supporters p on p.id = s.supporter_id
				where s.campaign_id = ? and s.campaign_updates = true and s.confirmed_at is not null
				and s.invalidated_at is null and s.id > ? order by s.id limit ?""")
			.params(campaignId, afterSignatureId, limit)
			.query((rs, n) -> new Signed(rs.getLong("id"),
					new Subscriber(this.cipher.open(rs.getBytes("email_sealed"), "supporters.email"),
							rs.getString("language"))))
			.list();
		return new Subscribers(rows.stream().map(Signed::subscriber).toList(),
				rows.isEmpty() ? afterSignatureId : rows.get(rows.size() - 1).signatureId());
	}

	/** A subscriber with the signature they were found by, to page on. */
	private record Signed(long signatureId, Subscriber subscriber) {
	}

	/**
	 * Each supporter whose confirmed, valid signature asked for the campaign's updates,
	 * once, in the language they signed in.
	 */
	public List<Subscriber> subscribedSupporters(long campaignId) {
		List<Object[]> rows = this.jdbc.sql("""
				select distinct p.id, p.email_sealed, s.language from signatures s
				join supporters p on p.id = s.supporter_id
				where s.campaign_id = ? and s.campaign_updates = true and s.confirmed_at is not null
				and s.invalidated_at is null order by p.id""")
			.param(campaignId)
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getBytes(2), rs.getString(3) })
			.list();
		List<Subscriber> subscribers = new ArrayList<>();
		long last = -1;
		for (Object[] row : rows) {
			if ((long) row[0] == last) {
				continue;
			}
			last = (long) row[0];
			subscribers.add(new Subscriber(this.cipher.open((byte[]) row[1], "supporters.email"), (String) row[2]));
		}
		return subscribers;
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
