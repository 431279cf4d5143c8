package org.end287g.campaigns.partners;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.end287g.audit.AuditLog;
import org.end287g.campaigns.SharedSignatures.PartnerName;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A campaign's partner organizations, set by staff, and the consents of signers who
 * ticked a partner's box (signature and organization ids, nothing else).
 */
@Component
public class CampaignPartners {

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final AuditLog audit;

	CampaignPartners(JdbcClient jdbc, JdbcTemplate template, AuditLog audit) {
		this.jdbc = jdbc;
		this.template = template;
		this.audit = audit;
	}

	/** The campaign's partners, by name. */
	public List<PartnerName> of(long campaignId) {
		return this.jdbc
			.sql("""
					select o.id, o.name from campaign_partner_organizations p join organizations o on o.id = p.organization_id
					where p.campaign_id = ? order by o.name_key""")
			.param(campaignId)
			.query((rs, n) -> new PartnerName(rs.getLong(1), rs.getString(2)))
			.list();
	}

	/** The ids of the campaign's partners. */
	public Set<Long> idsOf(long campaignId) {
		return new HashSet<>(
				this.jdbc.sql("select organization_id from campaign_partner_organizations where campaign_id = ?")
					.param(campaignId)
					.query(Long.class)
					.list());
	}

	/**
	 * Makes these organizations the campaign's partners (ids of organizations that
	 * exist), audited. Consents already given stay with the organizations they were given
	 * to.
	 */
	@Transactional
	public void set(long campaignId, Collection<Long> organizationIds, String actor, OffsetDateTime now) {
		this.jdbc.sql("delete from campaign_partner_organizations where campaign_id = ?").param(campaignId).update();
		for (Long organization : organizationIds) {
			this.jdbc.sql(
					"insert into campaign_partner_organizations (campaign_id, organization_id, added_at) values (?, ?, ?)")
				.params(campaignId, organization, now)
				.update();
		}
		this.audit.record(actor, "campaign.partners", "campaign:" + campaignId,
				organizationIds.stream().sorted().map(String::valueOf).toList().toString());
	}

	/**
	 * Stores consents in the caller's transaction, one batch: each row a signature id and
	 * an organization id.
	 */
	public void share(List<long[]> consents, OffsetDateTime now) {
		if (consents.isEmpty()) {
			return;
		}
		List<Object[]> rows = new ArrayList<>(consents.size());
		for (long[] consent : consents) {
			rows.add(new Object[] { consent[0], consent[1], now });
		}
		this.template.batchUpdate("""
				insert into signature_shares (signature_id, organization_id, created_at) values (?, ?, ?)
				on conflict do nothing""", rows);
	}

}
