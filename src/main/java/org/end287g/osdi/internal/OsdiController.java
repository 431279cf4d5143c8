package org.end287g.osdi.internal;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.end287g.campaigns.Campaign;
import org.end287g.campaigns.Campaigns;
import org.end287g.campaigns.SharedSignatures;
import org.end287g.events.PublishedEvents;
import org.end287g.events.SharedAttendances;
import org.end287g.osdi.internal.ApiKeys.KeyHolder;
import org.end287g.osdi.internal.Hal.Paging;
import org.end287g.problems.Problem;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The OSDI API: the entry point, petitions and events (public), and signatures and
 * attendances (with an organization's key, only those shared with it). Answers are never
 * cached by others: what a key sees is that organization's.
 */
@RestController
@RequestMapping(path = OsdiResources.ROOT, produces = { Hal.MEDIA_TYPE, "application/json" })
class OsdiController {

	private static final String TOKEN = "OSDI-Token";

	private final OsdiAccess access;

	private final OsdiResources resources;

	private final Campaigns campaigns;

	private final SharedSignatures signatures;

	private final OsdiProperties properties;

	private final PublishedEvents events;

	private final SharedAttendances attendances;

	OsdiController(OsdiAccess access, OsdiResources resources, Campaigns campaigns, SharedSignatures signatures,
			OsdiProperties properties, PublishedEvents events, SharedAttendances attendances) {
		this.attendances = attendances;
		this.events = events;
		this.access = access;
		this.resources = resources;
		this.campaigns = campaigns;
		this.signatures = signatures;
		this.properties = properties;
	}

	@GetMapping({ "", "/" })
	ResponseEntity<Map<String, Object>> entryPoint(
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
			@RequestHeader(name = TOKEN, required = false) @Nullable String token, HttpServletRequest request) {
		boolean keyed = this.access.caller(authorization, token, request.getRemoteAddr()).isPresent();
		return hal(this.resources.entryPoint(keyed));
	}

	@GetMapping("/petitions")
	ResponseEntity<Map<String, Object>> petitions(@RequestParam(name = "page", required = false) @Nullable String page,
			@RequestParam(name = "per_page", required = false) @Nullable String perPage) {
		Paging paging = Paging.of(page, perPage, this.properties.maxPageSize());
		List<Map<String, Object>> items = this.campaigns.page(paging.offset(), paging.perPage())
			.stream()
			.map(this.resources::petition)
			.toList();
		return hal(Hal.collection("osdi:petitions", this.resources.link("/petitions"), paging, this.campaigns.count(),
				items));
	}

	@GetMapping("/petitions/{slug}")
	ResponseEntity<Map<String, Object>> petition(@PathVariable String slug) {
		return hal(this.resources.petition(campaign(slug)));
	}

	@GetMapping("/events")
	ResponseEntity<Map<String, Object>> events(@RequestParam(name = "page", required = false) @Nullable String page,
			@RequestParam(name = "per_page", required = false) @Nullable String perPage) {
		Paging paging = Paging.of(page, perPage, this.properties.maxPageSize());
		List<Map<String, Object>> items = this.events.page(paging.offset(), paging.perPage())
			.stream()
			.map(this.resources::event)
			.toList();
		return hal(Hal.collection("osdi:events", this.resources.link("/events"), paging, this.events.count(), items));
	}

	@GetMapping("/events/{slug}")
	ResponseEntity<Map<String, Object>> event(@PathVariable String slug) {
		return hal(this.resources
			.event(this.events.find(slug).orElseThrow(() -> Problem.notFound("events.error.unknown"))));
	}

	@GetMapping("/petitions/{slug}/signatures")
	ResponseEntity<Map<String, Object>> petitionSignatures(@PathVariable String slug,
			@RequestParam(name = "page", required = false) @Nullable String page,
			@RequestParam(name = "per_page", required = false) @Nullable String perPage,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
			@RequestHeader(name = TOKEN, required = false) @Nullable String token, HttpServletRequest request) {
		KeyHolder holder = this.access.required(authorization, token, request.getRemoteAddr());
		Campaign campaign = campaign(slug);
		return signatures(holder, campaign.id(), "/petitions/" + campaign.slug() + "/signatures",
				Paging.of(page, perPage, this.properties.maxPageSize()));
	}

	@GetMapping("/signatures")
	ResponseEntity<Map<String, Object>> allSignatures(
			@RequestParam(name = "page", required = false) @Nullable String page,
			@RequestParam(name = "per_page", required = false) @Nullable String perPage,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
			@RequestHeader(name = TOKEN, required = false) @Nullable String token, HttpServletRequest request) {
		KeyHolder holder = this.access.required(authorization, token, request.getRemoteAddr());
		return signatures(holder, null, "/signatures", Paging.of(page, perPage, this.properties.maxPageSize()));
	}

	@GetMapping("/signatures/{id}")
	ResponseEntity<Map<String, Object>> signature(@PathVariable String id,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
			@RequestHeader(name = TOKEN, required = false) @Nullable String token, HttpServletRequest request) {
		KeyHolder holder = this.access.required(authorization, token, request.getRemoteAddr());
		SharedSignatures.SharedSignature found = this.signatures.find(holder.organizationId(), number(id))
			.orElseThrow(() -> Problem.notFound("osdi.error.signature.unknown"));
		this.access.audit(holder, "signature:" + found.id());
		return hal(this.resources.signature(found));
	}

	private ResponseEntity<Map<String, Object>> signatures(KeyHolder holder, @Nullable Long campaignId, String path,
			Paging paging) {
		long organization = holder.organizationId();
		List<Map<String, Object>> items = this.signatures
			.page(organization, campaignId, paging.offset(), paging.perPage())
			.stream()
			.map(this.resources::signature)
			.toList();
		return shared(holder, "signatures", "campaign", campaignId, path, paging, items,
				this.signatures.count(organization, campaignId));
	}

	@GetMapping("/events/{slug}/attendances")
	ResponseEntity<Map<String, Object>> eventAttendances(@PathVariable String slug,
			@RequestParam(name = "page", required = false) @Nullable String page,
			@RequestParam(name = "per_page", required = false) @Nullable String perPage,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
			@RequestHeader(name = TOKEN, required = false) @Nullable String token, HttpServletRequest request) {
		KeyHolder holder = this.access.required(authorization, token, request.getRemoteAddr());
		long event = this.attendances.eventId(slug).orElseThrow(() -> Problem.notFound("events.error.unknown"));
		return attendances(holder, event, "/events/" + slug + "/attendances",
				Paging.of(page, perPage, this.properties.maxPageSize()));
	}

	@GetMapping("/attendances")
	ResponseEntity<Map<String, Object>> allAttendances(
			@RequestParam(name = "page", required = false) @Nullable String page,
			@RequestParam(name = "per_page", required = false) @Nullable String perPage,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
			@RequestHeader(name = TOKEN, required = false) @Nullable String token, HttpServletRequest request) {
		KeyHolder holder = this.access.required(authorization, token, request.getRemoteAddr());
		return attendances(holder, null, "/attendances", Paging.of(page, perPage, this.properties.maxPageSize()));
	}

	@GetMapping("/attendances/{id}")
	ResponseEntity<Map<String, Object>> attendance(@PathVariable String id,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
			@RequestHeader(name = TOKEN, required = false) @Nullable String token, HttpServletRequest request) {
		KeyHolder holder = this.access.required(authorization, token, request.getRemoteAddr());
		SharedAttendances.SharedAttendance found = this.attendances.find(holder.organizationId(), number(id))
			.orElseThrow(() -> Problem.notFound("osdi.error.attendance.unknown"));
		this.access.audit(holder, "attendance:" + found.id());
		return hal(this.resources.attendance(found));
	}

	private ResponseEntity<Map<String, Object>> attendances(KeyHolder holder, @Nullable Long eventId, String path,
			Paging paging) {
		long organization = holder.organizationId();
		List<Map<String, Object>> items = this.attendances
			.page(organization, eventId, paging.offset(), paging.perPage())
			.stream()
			.map(this.resources::attendance)
			.toList();
		return shared(holder, "attendances", "event", eventId, path, paging, items,
				this.attendances.count(organization, eventId));
	}

	/** A page of what is shared with the key's organization, its read audited. */
	private ResponseEntity<Map<String, Object>> shared(KeyHolder holder, String kind, String parent,
			@Nullable Long parentId, String path, Paging paging, List<Map<String, Object>> items, long total) {
		this.access.audit(holder, kind + ((parentId != null) ? " of " + parent + ":" + parentId : "") + " page "
				+ paging.page() + " (" + items.size() + ")");
		return hal(Hal.collection("osdi:" + kind, this.resources.link(path), paging, total, items));
	}

	/** A record's number as a path carries it; anything else finds nothing. */
	private static long number(String id) {
		return (id.length() <= 18 && id.matches("[0-9]+")) ? Long.parseLong(id) : -1;
	}

	private Campaign campaign(String slug) {
		return this.campaigns.find(slug).orElseThrow(() -> Problem.notFound("campaigns.error.unknown"));
	}

	private static ResponseEntity<Map<String, Object>> hal(Map<String, Object> body) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_TYPE, Hal.MEDIA_TYPE)
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.header(HttpHeaders.VARY, "Authorization, OSDI-Token")
			.body(body);
	}

}
