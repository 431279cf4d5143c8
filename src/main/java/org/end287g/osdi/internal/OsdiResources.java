package org.end287g.osdi.internal;

import java.util.List;
import java.util.Map;

import org.end287g.SiteAddress;
import org.end287g.campaigns.Campaign;
import org.end287g.campaigns.CampaignCounts;
import org.end287g.campaigns.SharedSignatures.SharedSignature;
import org.end287g.events.PublishedEvents.PublishedEvent;
import org.end287g.events.SharedAttendances.SharedAttendance;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The OSDI resources: petitions, events, signatures and attendances with their person.
 */
@Component
class OsdiResources {

	static final String ROOT = "/api/osdi/v1";

	private final SiteAddress site;

	private final CampaignCounts counts;

	OsdiResources(SiteAddress site, CampaignCounts counts) {
		this.site = site;
		this.counts = counts;
	}

	String link(String path) {
		return this.site.link(ROOT + path);
	}

	/** The entry point (AEP): what this server offers, more with a key. */
	Map<String, Object> entryPoint(boolean keyed) {
		Map<String, Object> body = Hal.object();
		body.put("motd", "end287g: petitions and events to end 287(g) agreements");
		body.put("vendor_name", "end287g");
		body.put("product_name", "end287g");
		body.put("osdi_version", "1.0");
		body.put("max_pagesize", 100);
		body.put("namespace", Hal.ORIGIN);
		Map<String, Object> links = Hal.object();
		links.put("self", Hal.link(link("/")));
		links.put("curies", List
			.of(Map.of("name", "osdi", "href", "http://opensupporter.github.io/osdi-docs/{rel}", "templated", true)));
		links.put("osdi:petitions", Hal.link(link("/petitions")));
		links.put("osdi:events", Hal.link(link("/events")));
		if (keyed) {
			links.put("osdi:signatures", Hal.link(link("/signatures")));
			links.put("osdi:attendances", Hal.link(link("/attendances")));
		}
		body.put("_links", links);
		return body;
	}

	Map<String, Object> petition(Campaign campaign) {
		Map<String, Object> body = Hal.object();
		body.put("identifiers", Hal.identifiers("petition", campaign.slug()));
		body.put("origin_system", Hal.ORIGIN);
		body.put("created_date", Hal.date(campaign.createdAt()));
		body.put("modified_date", Hal.date(campaign.createdAt()));
		body.put("title", campaign.title());
		body.put("name", campaign.slug());
		if (campaign.petitionText() != null) {
			body.put("petition_text", campaign.petitionText());
		}
		body.put("browser_url", this.site.link("/campaigns/" + campaign.slug()));
		body.put("total_signatures", this.counts.count(campaign.id()));
		body.put("target", List.of(Map.of("name", campaign.title())));
		Map<String, Object> links = Hal.object();
		links.put("self", Hal.link(link("/petitions/" + campaign.slug())));
		links.put("osdi:signatures", Hal.link(link("/petitions/" + campaign.slug() + "/signatures")));
		body.put("_links", links);
		return body;
	}

	/** An event: the address only when its page shows it. */
	Map<String, Object> event(PublishedEvent event) {
		Map<String, Object> body = Hal.object();
		body.put("identifiers", Hal.identifiers("event", event.slug()));
		body.put("origin_system", Hal.ORIGIN);
		body.put("modified_date", Hal.date(event.updatedAt().atOffset(java.time.ZoneOffset.UTC)));
		body.put("title", event.title());
		body.put("name", event.slug());
		body.put("description", event.description());
		body.put("browser_url", event.url());
		body.put("status", event.cancelled() ? "cancelled" : "confirmed");
		body.put("start_date", Hal.date(event.start().atOffset(java.time.ZoneOffset.UTC)));
		body.put("end_date", Hal.date(event.end().atOffset(java.time.ZoneOffset.UTC)));
		body.put("capacity", event.capacity());
		if (event.state() != null) {
			Map<String, Object> location = Hal.object();
			if (event.venue() != null) {
				location.put("venue", event.venue());
			}
			if (event.address() != null) {
				location.put("address_lines", List.of(event.address()));
			}
			if (event.zip() != null) {
				location.put("postal_code", event.zip());
			}
			location.put("region", event.state());
			location.put("country", "US");
			body.put("location", location);
		}
		Map<String, Object> links = Hal.object();
		links.put("self", Hal.link(link("/events/" + event.slug())));
		links.put("osdi:attendances", Hal.link(link("/events/" + event.slug() + "/attendances")));
		body.put("_links", links);
		return body;
	}

	/** A signature with its person embedded: only what the signer agreed to share. */
	Map<String, Object> signature(SharedSignature signature) {
		Map<String, Object> body = Hal.object();
		body.put("identifiers", Hal.identifiers("signature", signature.id()));
		body.put("origin_system", Hal.ORIGIN);
		body.put("created_date", Hal.date(signature.createdAt()));
		body.put("modified_date", Hal.date(signature.confirmedAt()));
		body.put("action_date", Hal.date(signature.createdAt()));
		Map<String, Object> links = Hal.object();
		links.put("self", Hal.link(link("/signatures/" + signature.id())));
		links.put("osdi:petition", Hal.link(link("/petitions/" + signature.campaignSlug())));
		body.put("_links", links);
		body.put("_embedded", Map.of("osdi:person", person(signature)));
		return body;
	}

	/**
	 * An attendance (an event registration) with its person embedded: only what the
	 * registrant agreed to share.
	 */
	Map<String, Object> attendance(SharedAttendance attendance) {
		Map<String, Object> body = Hal.object();
		body.put("identifiers", Hal.identifiers("attendance", attendance.id()));
		body.put("origin_system", Hal.ORIGIN);
		body.put("created_date", Hal.date(attendance.createdAt()));
		body.put("modified_date", Hal.date(attendance.createdAt()));
		body.put("status", attendance.status());
		Map<String, Object> links = Hal.object();
		links.put("self", Hal.link(link("/attendances/" + attendance.id())));
		links.put("osdi:event", Hal.link(link("/events/" + attendance.eventSlug())));
		body.put("_links", links);
		int space = attendance.name().lastIndexOf(' ');
		String given = (space > 0) ? attendance.name().substring(0, space) : attendance.name();
		String family = (space > 0) ? attendance.name().substring(space + 1) : "";
		body.put("_embedded", Map.of("osdi:person", person(given, family, attendance.email(), attendance.zip())));
		return body;
	}

	private static Map<String, Object> person(SharedSignature signature) {
		return person(signature.firstName(), signature.lastName(), signature.email(), signature.zip());
	}

	/** OSDI's person: names, e-mail (none once forgotten) and ZIP code. */
	private static Map<String, Object> person(String given, String family, @Nullable String email, String zip) {
		Map<String, Object> person = Hal.object();
		person.put("given_name", given);
		person.put("family_name", family);
		person.put("email_addresses", (email != null) ? List.of(Map.of("address", email, "primary", true)) : List.of());
		person.put("postal_addresses",
				zip.isEmpty() ? List.of() : List.of(Map.of("postal_code", zip, "primary", true)));
		return person;
	}

}
