package org.end287g.events.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.end287g.accounts.OrganizationDirectory;
import org.end287g.audit.AuditLog;
import org.end287g.campaigns.Campaign;
import org.end287g.campaigns.Campaigns;
import org.end287g.events.internal.OrganizerScopes.Scope;
import org.end287g.places.Places;
import org.end287g.places.ZipCode;
import org.end287g.problems.Problem;
import org.end287g.validation.ShownBack;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
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

	private final OrganizerScopes scopes;

	private final EventStore store;

	private final EventViews views;

	private final EventMail mail;

	private final Campaigns campaigns;

	private final Places places;

	private final AuditLog audit;

	private final TransactionTemplate transactions;

	private final Registrations registrations;

	private final EventPartners partners;

	private final OrganizationDirectory organizations;

	OrganizerController(OrganizerScopes scopes, EventStore store, EventViews views, EventMail mail, Campaigns campaigns,
			Places places, AuditLog audit, TransactionTemplate transactions, Registrations registrations,
			EventPartners partners, OrganizationDirectory organizations) {
		this.partners = partners;
		this.organizations = organizations;
		this.scopes = scopes;
		this.store = store;
		this.views = views;
		this.mail = mail;
		this.campaigns = campaigns;
		this.places = places;
		this.audit = audit;
		this.transactions = transactions;
		this.registrations = registrations;
	}

	@GetMapping({ "/admin/events", "/leader/events" })
	String list(HttpServletRequest request, Authentication authentication, Model model, Locale locale) {
		Scope scope = this.scopes.scope(request.getRequestURI(), authentication);
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
	String blank(HttpServletRequest request, Authentication authentication,
			@RequestParam(name = "campaign", required = false) @Nullable String campaign, Model model) {
		Scope scope = this.scopes.scope(request.getRequestURI(), authentication);
		// the campaign of the dashboard it came from, or a leader's only campaign, filled
		// in
		List<Campaign> led = led(scope);
		Campaign chosen = (campaign != null) ? this.campaigns.find(campaign)
			.filter((found) -> scope.staff() || scope.campaigns().contains(found.id()))
			.orElse(null) : null;
		String slug = (chosen != null) ? chosen.slug() : (led.size() == 1) ? led.get(0).slug() : "";
		model.addAttribute("form", EventForm.blank(slug));
		return form(model, scope, null);
	}

	@PostMapping({ "/admin/events", "/leader/events" })
	String create(@ModelAttribute("form") @Valid EventForm form, BindingResult result, HttpServletRequest request,
			Authentication authentication, HttpServletResponse response, Model model) {
		Scope scope = this.scopes.scope(request.getRequestURI(), authentication);
		Instant now = this.views.now();
		EventForm.Draft draft = form.draft(now, null, result);
		List<Long> campaignIds = campaignIds(form, scope, result);
		if (draft == null || result.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			ShownBack.into(model, result);
			return form(model, scope, null);
		}
		long id = this.transactions.execute((status) -> {
			long created = this.store.create(draft, stateOf(draft), campaignIds, authentication.getName(), now);
			this.audit.record(authentication.getName(), "event.create", "event:" + created, null);
			return created;
		});
		return "redirect:" + scope.base() + "/" + id;
	}

	@GetMapping({ "/admin/events/{id}", "/leader/events/{id}" })
	String edit(@PathVariable String id, HttpServletRequest request, Authentication authentication, Model model,
			Locale locale) {
		Scope scope = this.scopes.scope(request.getRequestURI(), authentication);
		Event event = this.scopes.reachable(scope, id);
		List<String> slugs = event.campaignIds()
			.stream()
			.map(this.views::campaignSlug)
			.flatMap(Optional::stream)
			.toList();
		model.addAttribute("form", EventForm.of(event, slugs));
		return edit(model, scope, event, locale);
	}

	@PostMapping({ "/admin/events/{id}", "/leader/events/{id}" })
	String update(@PathVariable String id, @ModelAttribute("form") @Valid EventForm form, BindingResult result,
			HttpServletRequest request, Authentication authentication, HttpServletResponse response, Model model,
			Locale locale, RedirectAttributes redirect) {
		Scope scope = this.scopes.scope(request.getRequestURI(), authentication);
		Event event = this.scopes.reachable(scope, id);
		Instant now = this.views.now();
		EventForm.Draft draft = form.draft(now, event.start(), result);
		List<Long> campaignIds = campaignIds(form, scope, result);
		if (event.cancelled()) {
			result.rejectValue("titleEn", "events.error.cancelled");
		}
		if (draft == null || result.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			ShownBack.into(model, result);
			return edit(model, scope, event, locale);
		}
		this.transactions.executeWithoutResult((status) -> {
			boolean moved = this.store.update(event, draft, stateOf(draft), campaignIds, now);
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

	/**
	 * Staff set an event's partners: one box per organization. An id that is no
	 * organization, or too many, is refused as a whole.
	 */
	@PostMapping("/admin/events/{id}/partners")
	String partners(@PathVariable String id,
			@RequestParam(name = "organization", required = false) @Nullable List<String> chosen,
			HttpServletRequest request, Authentication authentication, RedirectAttributes redirect) {
		Scope scope = this.scopes.scope(request.getRequestURI(), authentication);
		Event event = this.scopes.reachable(scope, id);
		Set<Long> ids = new LinkedHashSet<>();
		for (String value : (chosen != null) ? chosen : List.<String>of()) {
			if (value.length() > 18 || !value.matches("[0-9]+")
					|| this.organizations.find(Long.parseLong(value)).isEmpty()) {
				throw Problem.badRequest("osdi.partners.error.unknown");
			}
			ids.add(Long.parseLong(value));
		}
		if (ids.size() > EventPartners.MAX_PARTNERS) {
			throw Problem.badRequest("osdi.partners.error.tooMany", EventPartners.MAX_PARTNERS);
		}
		this.partners.set(event.id(), ids, authentication.getName(),
				java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC));
		redirect.addFlashAttribute("partnersSaved", true);
		return "redirect:" + scope.base() + "/" + event.id();
	}

	@PostMapping({ "/admin/events/{id}/publish", "/leader/events/{id}/publish" })
	String publish(@PathVariable String id, HttpServletRequest request, Authentication authentication,
			RedirectAttributes redirect) {
		Scope scope = this.scopes.scope(request.getRequestURI(), authentication);
		Event event = this.scopes.reachable(scope, id);
		this.transactions.executeWithoutResult((status) -> {
			if (this.store.publish(event.id(), this.views.now())) {
				this.audit.record(authentication.getName(), "event.publish", "event:" + event.id(), null);
			}
		});
		redirect.addFlashAttribute("published", true);
		return "redirect:" + scope.base() + "/" + event.id();
	}

	@PostMapping({ "/admin/events/{id}/cancel", "/leader/events/{id}/cancel" })
	String cancel(@PathVariable String id, @RequestParam(required = false) @Nullable String confirm,
			HttpServletRequest request, Authentication authentication, RedirectAttributes redirect) {
		Scope scope = this.scopes.scope(request.getRequestURI(), authentication);
		Event event = this.scopes.reachable(scope, id);
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

	/** The form of a stored event, with its registrations. */
	private String edit(Model model, Scope scope, Event event, Locale locale) {
		model.addAttribute("view",
				this.views.view(event, this.views.registered(event.id()), event.zone(), locale, true));
		model.addAttribute("waiting", this.registrations.waiting(event.id()));
		model.addAttribute("attended",
				(int) this.registrations.ofEvent(event.id()).stream().filter((r) -> r.checkedInAt() != null).count());
		model.addAttribute("partnerNames", this.partners.of(event.id()));
		if (scope.staff()) {
			model.addAttribute("organizations", this.organizations.all());
			model.addAttribute("partnerIds", this.partners.idsOf(event.id()));
		}
		return form(model, scope, event);
	}

	/** The page of the form in the model. */
	private String form(Model model, Scope scope, @Nullable Event event) {
		EventForm form = (EventForm) model.getAttribute("form");
		model.addAttribute("scope", scope);
		model.addAttribute("event", event);
		model.addAttribute("zones", zones((form != null) ? form.timeZone() : ""));
		model.addAttribute("led", led(scope));
		return "events/organize-form";
	}

	/** The campaigns a leader leads, by address. */
	private List<Campaign> led(Scope scope) {
		return scope.campaigns()
			.stream()
			.map(this.campaigns::byId)
			.flatMap(Optional::stream)
			.sorted(Comparator.comparing(Campaign::slug))
			.toList();
	}

	/** The zones offered, with the chosen one when it is not among them. */
	private static List<String> zones(String chosen) {
		List<String> zones = new ArrayList<>(EventForm.ZONES);
		if (!chosen.isEmpty() && !zones.contains(chosen) && ZoneId.getAvailableZoneIds().contains(chosen)) {
			zones.add(chosen);
		}
		return zones;
	}

	/**
	 * The campaigns the form names, which must exist and, for a leader, be theirs (at
	 * least one); errors go on the campaigns field.
	 */
	private List<Long> campaignIds(EventForm form, Scope scope, Errors errors) {
		List<String> slugs = form.campaignSlugs(errors);
		if (errors.hasFieldErrors("campaigns")) {
			return List.of();
		}
		List<Long> ids = new ArrayList<>();
		for (String slug : slugs) {
			Campaign campaign = this.campaigns.find(slug).orElse(null);
			if (campaign == null || (!scope.staff() && !scope.campaigns().contains(campaign.id()))) {
				errors.rejectValue("campaigns",
						(campaign != null) ? "events.error.campaigns.notLed" : "events.error.campaigns.unknown");
				return List.of();
			}
			ids.add(campaign.id());
		}
		if (!scope.staff() && ids.isEmpty()) {
			errors.rejectValue("campaigns", "events.error.campaigns.required");
		}
		return ids;
	}

	private @Nullable String stateOf(EventForm.Draft draft) {
		return (draft.zip() != null) ? this.places.zip(draft.zip()).map(ZipCode::stateCode).orElse(null) : null;
	}

}
