package org.end287g.events.internal;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.end287g.accounts.OrganizationDirectory.Partner;
import org.end287g.audit.AuditLog;
import org.end287g.coalitions.PartnerLogos;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * An event's partner organizations, set by staff, and the consents of people who ticked a
 * partner's box when registering (registration and organization ids, nothing else).
 */
@Component
class EventPartners {

	static final int MAX_PARTNERS = 20;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final PartnerLogos logos;

	EventPartners(JdbcClient jdbc, AuditLog audit, PartnerLogos logos) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.logos = logos;
	}

	/**
	 * The event's partners as its page shows them: linked to their pages, with their
	 * logos.
	 */
	List<PartnerLogos.Partner> logos(long eventId) {
		return this.logos.of(List.copyOf(idsOf(eventId)));
	}

	/** The event's partners, by name. */
	List<Partner> of(long eventId) {
		return this.jdbc.sql("""
				select o.id, o.name from event_partner_organizations p join organizations o on o.id = p.organization_id
				where p.event_id = ? order by o.name_key""")
			.param(eventId)
			.query((rs, n) -> new Partner(rs.getLong(1), rs.getString(2)))
			.list();
	}

	Set<Long> idsOf(long eventId) {
		return new HashSet<>(this.jdbc.sql("select organization_id from event_partner_organizations where event_id = ?")
			.param(eventId)
			.query(Long.class)
			.list());
	}

	/** Makes these organizations (that exist) the event's partners, audited. */
	@Transactional
	void set(long eventId, Collection<Long> organizationIds, String actor, OffsetDateTime now) {
		this.jdbc.sql("delete from event_partner_organizations where event_id = ?").param(eventId).update();
		for (Long organization : organizationIds) {
			this.jdbc
				.sql("insert into event_partner_organizations (event_id, organization_id, added_at) values (?, ?, ?)")
				.params(eventId, organization, now)
				.update();
		}
		this.audit.record(actor, "event.partners", "event:" + eventId,
				organizationIds.stream().sorted().map(String::valueOf).toList().toString());
	}

	/**
	 * Stores the consents of a registration in the caller's transaction: only the event's
	 * partners among the ticked ones.
	 */
	void share(long eventId, long registrationId, Collection<Long> ticked, OffsetDateTime now) {
		Set<Long> partners = idsOf(eventId);
		for (Long organization : ticked) {
			if (partners.contains(organization)) {
				this.jdbc.sql("""
						insert into registration_shares (registration_id, organization_id, created_at) values (?, ?, ?)
						on conflict do nothing""").params(registrationId, organization, now).update();
			}
		}
	}

}
