package org.end287g.campaigns.partners;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.end287g.campaigns.SharedSignatures;
import org.end287g.privacy.PersonalDataCipher;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The shared signatures read from the consents: confirmed, not invalidated, not
 * anonymized, and ticked for this very organization.
 */
@Component
class JdbcSharedSignatures implements SharedSignatures {

	private static final String SHARED = """
			from signature_shares h join signatures s on s.id = h.signature_id
			join campaigns c on c.id = s.campaign_id
			where h.organization_id = :organization and s.confirmed_at is not null and s.invalidated_at is null
			and s.anonymized_at is null""";

	private final JdbcClient jdbc;

	private final PersonalDataCipher cipher;

	private final CampaignPartners partners;

	JdbcSharedSignatures(JdbcClient jdbc, PersonalDataCipher cipher, CampaignPartners partners) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.partners = partners;
	}

	@Override
	public long count(long organizationId, @Nullable Long campaignId) {
		return this.jdbc.sql("select count(*) " + shared(campaignId))
			.param("organization", organizationId)
			.param("campaign", campaignId)
			.query(Long.class)
			.single();
	}

	@Override
	public List<SharedSignature> page(long organizationId, @Nullable Long campaignId, int offset, int limit) {
		return this.jdbc
			.sql(select() + shared(campaignId) + " order by s.confirmed_at desc, s.id desc"
					+ " offset :offset rows fetch next :limit rows only")
			.param("organization", organizationId)
			.param("campaign", campaignId)
			.param("offset", offset)
			.param("limit", limit)
			.query((rs, n) -> signature(rs))
			.list();
	}

	@Override
	public Optional<SharedSignature> find(long organizationId, long signatureId) {
		return this.jdbc.sql(select() + shared(null) + " and s.id = :id")
			.param("organization", organizationId)
			.param("id", signatureId)
			.query((rs, n) -> signature(rs))
			.optional();
	}

	@Override
	public List<Confirmed> confirmedSince(long organizationId, OffsetDateTime since, int limit) {
		return this.jdbc
			.sql("select s.id, s.confirmed_at " + shared(null)
					+ " and s.confirmed_at >= :since order by s.confirmed_at, s.id fetch first :limit rows only")
			.param("organization", organizationId)
			.param("since", since)
			.param("limit", limit)
			.query((rs, n) -> new Confirmed(rs.getLong(1), rs.getObject(2, OffsetDateTime.class)))
			.list();
	}

	@Override
	public List<PartnerName> partnersOf(long campaignId) {
		return this.partners.of(campaignId);
	}

	/** The consents of one organization, of one campaign or all. */
	private static String shared(@Nullable Long campaignId) {
		return (campaignId != null) ? SHARED + " and s.campaign_id = :campaign" : SHARED;
	}

	private static String select() {
		return """
				select s.id, s.campaign_id, c.slug, s.first_name_sealed, s.last_name_sealed, s.zip_sealed,
				s.supporter_sealed, s.created_at, s.confirmed_at\s""";
	}

	private SharedSignature signature(ResultSet rs) throws SQLException {
		return new SharedSignature(rs.getLong(1), rs.getLong(2), rs.getString(3), open(rs.getBytes(4), "first_name"),
				open(rs.getBytes(5), "last_name"), email(rs.getBytes(7)), open(rs.getBytes(6), "zip"),
				rs.getObject(8, OffsetDateTime.class), rs.getObject(9, OffsetDateTime.class));
	}

	private String open(byte @Nullable [] sealed, String column) {
		String value = this.cipher.open(sealed, "signatures." + column);
		return (value != null) ? value : "";
	}

	/** The supporter's address, through the supporter's id sealed in the signature. */
	private @Nullable String email(byte @Nullable [] supporterSealed) {
		String supporter = this.cipher.open(supporterSealed, "signatures.supporter");
		if (supporter == null) {
			return null;
		}
		return this.jdbc.sql("select email_sealed from supporters where id = ?")
			.param(Long.parseLong(supporter))
			.query((rs, n) -> this.cipher.open(rs.getBytes(1), "supporters.email"))
			.optional()
			.orElse(null);
	}

}
