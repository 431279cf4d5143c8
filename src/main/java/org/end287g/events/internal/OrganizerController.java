package org.end287g.events.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.end287g.accounts.Permissions;
import org.end287g.audit.AuditLog;
import org.end287g.campaigns.Campaign;
import org.end287g.campaigns.Campaigns;
import org.end287g.places.Places;
import org.end287g.places.ZipCode;
import org.end287g.problems.Problem;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Organising events: staff at {@code /admin/events} (national events, any campaign),
 * leaders at {@code /leader/events} (events of the campaigns they lead). Drafts, editing
 * (a change of time is a reschedule), publishing and cancelling; registered people are
 * told by e-mail. Anyone outside the scope gets a 404.
 */
@Controller
class OrganizerController {

	private final EventStore store;

	private final EventViews views;

	private final EventMail mail;

	private final Campaigns campaigns;

	private final Permissions permissions;

	private final Places places;

	private final AuditLog audit;

	private final TransactionTemplate transactions;

	private final Registrations registrations;

	OrganizerController(EventStore store, EventViews views, EventMail mail, Campaigns campaigns,
			Permissions permissions, Places places, AuditLog audit, TransactionTemplate transactions,
			Registrations registrations) {
		this.registrations = registrations;
		this.store = store;
		this.views = views;
		this.mail = mail;
		this.campaigns = campaigns;
		this.permissions = permissions;
		this.places = places;
		this.audit = audit;
		this.transactions = transactions;
	}

	/** Where the person organises: staff or the leader of some campaigns. */
	record Scope(String base, boolean staff, Set<Long> campaigns) {

		boolean reaches(Event event) {
			return this.staff || event.campaignIds().stream().anyMatch(this.campaigns::contains);
		}

	}

	Scope scope(HttpServletRequest request, Authentication authentication) {
		if (request.getRequestURI().startsWith("/admin/")) {
			// the security rules already require an admin signed in with a passkey
			return new Scope("/admin/events", true, Set.of());
		}
		if (this.permissions.isAdmin(authentication)) {
			// staff reach every event from the leaders' pages too (a QR code opens those)
			return new Scope("/leader/events", true, Set.of());
		}
		Set<Long> led = this.permissions.campaignsLed(authentication);
		if (led.isEmpty()) {
			throw Problem.notFound("events.error.unknown");
		}
		return new Scope("/leader/events", false, led);
	}

	Event reachable(Scope scope, String id) {
		if (id == null || !id.matches("[0-9]{1,18}")) {
			throw Problem.notFound("events.error.unknown");
		}
		Event event = this.store.byId(Long.parseLong(id)).orElseThrow(() -> Problem.notFound("events.error.unknown"));
		if (!scope.reaches(event)) {
			throw Problem.notFound("events.error.unknown");
		}
		return event;
	}

	@GetMapping({ "/admin/events", "/leader/events" })
	String list(HttpServletRequest request, Authentication authentication, Model model, Locale locale) {
		Scope scope = scope(request, authentication);
		List<Event> events = scope.staff() ? this.store.all() : this.store.ofCampaigns(scope.campaigns());
		Map<Long, Integer> registered = this.views.registered(events.stream().map(Event::id).toList());
		List<EventViews.View> shown = new ArrayList<>();
		for (Event event : events) {
			shown.add(this.views.view(event, registered.getOrDefault(event.id(), 0), event.zone(), locale, true));
		}
		model.addAttribute("scope", scope);
		model.addAttribute("events", shown);
		return "events/organize-list";
	}

	@GetMapping({ "/admin/events/new", "/leader/events/new" })
	String blank(HttpServletRequest request, Authentication authentication, Model model) {
		Scope scope = scope(request, authentication);
		EventForm form = EventForm.blank();
		if (!scope.staff()) {
			List<String> slugs = scope.campaigns()
				.stream()
				.map(this.campaigns::byId)
				.flatMap(java.util.Optional::stream)
				.map(Campaign::slug)
				.sorted()
				.toList();
			form.values.put("campaigns", (slugs.size() == 1) ? slugs.get(0) : "");
		}
		return form(model, scope, null, form);
	}

	private String form(Model model, Scope scope, Event event, EventForm form) {
		model.addAttribute("scope", scope);
		model.addAttribute("event", event);
		model.addAttribute("form", form.values);
		model.addAttribute("errors", form.errors);
		model.addAttribute("zones", zones(form.values.get("timeZone")));
		model.addAttribute("led",
				scope.campaigns()
					.stream()
					.map(this.campaigns::byId)
					.flatMap(java.util.Optional::stream)
					.sorted(java.util.Comparator.comparing(Campaign::slug))
					.toList());
		return "events/organize-form";
	}

	private static List<String> zones(String chosen) {
		List<String> zones = new ArrayList<>(EventForm.ZONES);
		if (chosen != null && !chosen.isEmpty() && !zones.contains(chosen)
				&& java.time.ZoneId.getAvailableZoneIds().contains(chosen)) {
			zones.add(chosen);
		}
		return zones;
	}

	@PostMapping({ "/admin/events", "/leader/events" })
	String create(@RequestParam Map<String, String> params, HttpServletRequest request, Authentication authentication,
			HttpServletResponse response, Model model) {
		Scope scope = scope(request, authentication);
		Instant now = this.views.now();
		EventForm form = EventForm.read(params, now, null, this::knownZip);
		List<Long> campaignIds = campaigns(form, scope);
		if (!form.errors.isEmpty()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return form(model, scope, null, form);
		}
		EventForm.Draft draft = form.draft;
		long id = this.transactions.execute((status) -> {
			long created = this.store.create(draft, stateOf(draft), campaignIds, authentication.getName(), now);
			this.audit.record(authentication.getName(), "event.create", "event:" + created, null);
			return created;
		});
		return "redirect:" + scope.base() + "/" + id;
	}

	/**
	 * The campaigns named in the form, checked against the scope; errors go in the form.
	 */
	private List<Long> campaigns(EventForm form, Scope scope) {
		if (form.errors.containsKey("campaigns")) {
			return List.of();
		}
		List<String> slugs = (form.draft != null) ? form.draft.campaignSlugs()
				: List.of(EventForm.strip(form.values.get("campaigns")).toLowerCase(Locale.ROOT).split("[\\s,]+"));
		List<Long> ids = new ArrayList<>();
		for (String slug : slugs) {
			if (slug.isEmpty()) {
				continue;
			}
			Campaign campaign = this.campaigns.find(slug).orElse(null);
			if (campaign == null) {
				fail(form, "events.error.campaigns.unknown");
				return List.of();
			}
			if (!scope.staff() && !scope.campaigns().contains(campaign.id())) {
				fail(form, "events.error.campaigns.notLed");
				return List.of();
			}
			ids.add(campaign.id());
		}
		if (!scope.staff() && ids.isEmpty()) {
			fail(form, "events.error.campaigns.required");
		}
		return ids;
	}

	private static void fail(EventForm form, String error) {
		form.errors.put("campaigns", error);
		form.draft = null;
	}

	private boolean knownZip(String zip) {
		return this.places.zip(zip).isPresent();
	}

	private String stateOf(EventForm.Draft draft) {
		return (draft.zip() != null) ? this.places.zip(draft.zip()).map(ZipCode::stateCode).orElse(null) : null;
	}

	@GetMapping({ "/admin/events/{id}", "/leader/events/{id}" })
	String edit(@PathVariable String id, HttpServletRequest request, Authentication authentication, Model model,
			Locale locale) {
		Scope scope = scope(request, authentication);
		Event event = reachable(scope, id);
		List<String> slugs = event.campaignIds().stream().map(this.views::campaignSlug).toList();
		model.addAttribute("view",
				this.views.view(event, this.views.registered(event.id()), event.zone(), locale, true));
		model.addAttribute("waiting", this.registrations.waiting(event.id()));
		model.addAttribute("attended", attended(event.id()));
		return form(model, scope, event, EventForm.of(event, slugs));
	}

	@PostMapping({ "/admin/events/{id}", "/leader/events/{id}" })
	String update(@PathVariable String id, @RequestParam Map<String, String> params, HttpServletRequest request,
			Authentication authentication, HttpServletResponse response, Model model, Locale locale,
			RedirectAttributes redirect) {
		Scope scope = scope(request, authentication);
		Event event = reachable(scope, id);
		Instant now = this.views.now();
		EventForm form = EventForm.read(params, now, event.start(), this::knownZip);
		List<Long> campaignIds = campaigns(form, scope);
		if (!form.errors.isEmpty() || event.cancelled()) {
			if (event.cancelled()) {
				form.errors.put("titleEn", "events.error.cancelled");
			}
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("view",
					this.views.view(event, this.views.registered(event.id()), event.zone(), locale, true));
			model.addAttribute("waiting", this.registrations.waiting(event.id()));
			model.addAttribute("attended", attended(event.id()));
			return form(model, scope, event, form);
		}
		this.transactions.executeWithoutResult((status) -> {
			boolean moved = this.store.update(event, form.draft, stateOf(form.draft), campaignIds, now);
			this.audit.record(authentication.getName(), moved ? "event.reschedule" : "event.edit",
					"event:" + event.id(), null);
			Event saved = this.store.lock(event.id()).orElseThrow();
			if (moved && event.published()) {
				this.mail.rescheduled(saved, event);
			}
			// a larger room: the waiting line moves up
			this.registrations.promote(saved, now);
		});
		redirect.addFlashAttribute("saved", true);
		return "redirect:" + scope.base() + "/" + event.id();
	}

	@PostMapping({ "/admin/events/{id}/publish", "/leader/events/{id}/publish" })
	String publish(@PathVariable String id, HttpServletRequest request, Authentication authentication,
			RedirectAttributes redirect) {
		Scope scope = scope(request, authentication);
		Event event = reachable(scope, id);
		this.transactions.executeWithoutResult((status) -> {
			if (this.store.publish(event.id(), this.views.now())) {
				this.audit.record(authentication.getName(), "event.publish", "event:" + event.id(), null);
			}
		});
		redirect.addFlashAttribute("published", true);
		return "redirect:" + scope.base() + "/" + event.id();
	}

	@PostMapping({ "/admin/events/{id}/cancel", "/leader/events/{id}/cancel" })
	String cancel(@PathVariable String id, @RequestParam(required = false) String confirm, HttpServletRequest request,
			Authentication authentication, RedirectAttributes redirect) {
		Scope scope = scope(request, authentication);
		Event event = reachable(scope, id);
		if (!"yes".equals(confirm)) {
			redirect.addFlashAttribute("cancelUnconfirmed", true);
			return "redirect:" + scope.base() + "/" + event.id();
		}
		this.transactions.executeWithoutResult((status) -> {
			if (this.store.cancel(event.id(), this.views.now())) {
				this.audit.record(authentication.getName(), "event.cancel", "event:" + event.id(), null);
				if (event.published()) {
					this.mail.cancelled(this.store.byId(event.id()).orElseThrow());
				}
			}
		});
		redirect.addFlashAttribute("cancelledNow", true);
		return "redirect:" + scope.base() + "/" + event.id();
	}

	private int attended(long eventId) {
		return (int) this.registrations.ofEvent(eventId).stream().filter((r) -> r.checkedInAt() != null).count();
	}

	@GetMapping({ "/admin/events/{id}/check-in", "/leader/events/{id}/check-in" })
	String checkInPage(@PathVariable String id, @RequestParam(required = false) String code, HttpServletRequest request,
			Authentication authentication, HttpServletResponse response, Model model, Locale locale) {
		Scope scope = scope(request, authentication);
		Event event = reachable(scope, id);
		Registration found = null;
		if (code != null && !code.isBlank()) {
			found = this.registrations.byCode(event.id(), code).orElse(null);
			if (found == null) {
				response.setStatus(HttpStatus.NOT_FOUND.value());
				model.addAttribute("codeError", "events.checkIn.error.unknown");
			}
		}
		return checkIn(model, scope, event, found, code, locale);
	}

	private String checkIn(Model model, Scope scope, Event event, Registration found, String code, Locale locale) {
		List<Registration> all = this.registrations.ofEvent(event.id());
		model.addAttribute("scope", scope);
		model.addAttribute("view",
				this.views.view(event, this.views.registered(event.id()), event.zone(), locale, true));
		model.addAttribute("found", found);
		model.addAttribute("code", (code == null || code.length() > 20) ? "" : code);
		model.addAttribute("seated", all.stream().filter((r) -> r.status() == Registration.Status.REGISTERED).toList());
		model.addAttribute("attended", all.stream().filter((r) -> r.checkedInAt() != null).count());
		model.addAttribute("now", this.views.now());
		return "events/check-in";
	}

	@PostMapping({ "/admin/events/{id}/check-in", "/leader/events/{id}/check-in" })
	String checkIn(@PathVariable String id, @RequestParam(required = false) String code, HttpServletRequest request,
			Authentication authentication, HttpServletResponse response, Model model, Locale locale,
			RedirectAttributes redirect) {
		Scope scope = scope(request, authentication);
		Event event = reachable(scope, id);
		Registration found = this.registrations.byCode(event.id(), code).orElse(null);
		if (found == null || found.status() != Registration.Status.REGISTERED) {
			response.setStatus((found == null) ? HttpStatus.NOT_FOUND.value() : HttpStatus.CONFLICT.value());
			model.addAttribute("codeError",
					(found == null) ? "events.checkIn.error.unknown" : "events.checkIn.error.noSeat");
			return checkIn(model, scope, event, null, code, locale);
		}
		boolean marked = this.transactions.execute((status) -> {
			boolean done = this.registrations.checkIn(found.id(), authentication.getName(), this.views.now());
			if (done) {
				this.audit.record(authentication.getName(), "event.check-in", "event:" + event.id(),
						"registration:" + found.id());
			}
			return done;
		});
		redirect.addFlashAttribute(marked ? "checkedIn" : "alreadyCheckedIn", found.code());
		return "redirect:" + scope.base() + "/" + event.id() + "/check-in";
	}

	@GetMapping({ "/admin/events/{id}/registrations.csv", "/leader/events/{id}/registrations.csv" })
	org.springframework.http.ResponseEntity<byte[]> csv(@PathVariable String id, HttpServletRequest request,
			Authentication authentication) {
		Scope scope = scope(request, authentication);
		Event event = reachable(scope, id);
		List<Registration> all = this.registrations.ofEvent(event.id());
		byte[] csv = RegistrationCsv.write(event, all);
		this.transactions.executeWithoutResult((status) -> this.audit.record(authentication.getName(),
				"personal-data.export", "event:" + event.id(), "registrations.csv rows=" + all.size()));
		return org.springframework.http.ResponseEntity.ok()
			.contentType(new org.springframework.http.MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
			.header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
					org.springframework.http.ContentDisposition.attachment()
						.filename(event.slug() + "-registrations.csv")
						.build()
						.toString())
			.header(org.springframework.http.HttpHeaders.CACHE_CONTROL, "no-store")
			.body(csv);
	}

}
