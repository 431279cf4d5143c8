package org.end287g.campaigns.signing;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.end287g.privacy.PersonalDataCipher;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The signers of a campaign as staff and leaders read them: confirmed, not invalidated,
 * decrypted. Never their e-mail addresses.
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

	String open(byte[] sealed, String column) {
		return this.cipher.open(sealed, "signatures." + column);
	}

	private static String nonNull(String value) {
		return (value != null) ? value : "";
	}

	/** One signature as the packet prints it. */
	public record Signer(String zip, String city, String firstName, String lastName, String comment, String source,
			OffsetDateTime signedAt) {

		public String name() {
			return (this.firstName + " " + this.lastName).strip();
		}

		@Override
		public String toString() {
			return "Signer[zip=" + this.zip + "]";
		}

	}

}
