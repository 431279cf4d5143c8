package org.end287g.events.internal;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.end287g.privacy.RateLimits;
import org.end287g.problems.Problem;
import org.end287g.validation.ShownBack;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Registering for an event, and the registrant's own page (reached by the signed link in
 * every mail): status, check-in code and QR code, cancelling.
 */
@Controller
class RegistrationController {

	private final PublicEvents events;

	private final EventViews views;

	private final Registrations registrations;

	private final EventMail mail;

	private final RateLimits rateLimits;

	private final EventPartners partners;

	RegistrationController(PublicEvents events, EventViews views, Registrations registrations, EventMail mail,
			RateLimits rateLimits, EventPartners partners) {
		this.partners = partners;
		this.events = events;
		this.views = views;
		this.registrations = registrations;
		this.mail = mail;
		this.rateLimits = rateLimits;
	}

	@PostMapping("/events/{slug}/register")
	String register(@PathVariable String slug, @ModelAttribute("form") @Valid RegistrationForm form,
			BindingResult result, HttpServletRequest request, HttpServletResponse response, Model model,
			Locale locale) {
		Event event = this.events.bySlug(slug);
		if (!result.hasErrors() && (!event.published() || event.started(this.views.now()))) {
			result.reject(event.cancelled() ? "events.register.error.cancelled" : "events.register.error.closed");
		}
		if (result.hasErrors()) {
			response.setStatus(result.hasGlobalErrors() ? HttpStatus.CONFLICT.value() : HttpStatus.BAD_REQUEST.value());
			return page(event, result, model, locale);
		}
		Registrations.Form registration = form.registration(event.questions().size());
		this.rateLimits.check("form", request.getRemoteAddr(), registration.email());
		Registrations.Outcome outcome = this.registrations.register(event.id(), registration, this.views.now());
		if (outcome == Registrations.Outcome.CLOSED) {
			result.reject("events.register.error.closed");
			response.setStatus(HttpStatus.CONFLICT.value());
			return page(event, result, model, locale);
		}
		return "redirect:/events/" + event.slug() + "/registered";
	}

	private String page(Event event, BindingResult result, Model model, Locale locale) {
		ShownBack.into(model, result);
		model.addAttribute("event",
				this.views.view(event, this.views.registered(event.id()), event.zone(), locale, false));
		model.addAttribute("questions", event.questions(locale));
		model.addAttribute("questionsLanguage", event.questionsLanguage(locale));
		model.addAttribute("zones", EventForm.ZONES);
		model.addAttribute("tz", event.zone().getId());
		model.addAttribute("partners", this.partners.of(event.id()));
		model.addAttribute("partnerLogos", this.partners.logos(event.id()));
		return "events/event";
	}

	@GetMapping("/events/{slug}/registered")
	String registered(@PathVariable String slug, Model model, Locale locale) {
		Event event = this.events.bySlug(slug);
		model.addAttribute("event",
				this.views.view(event, this.views.registered(event.id()), event.zone(), locale, false));
		return "events/registered";
	}

	record Own(Event event, Registration registration, String token) {

	}

	private Own own(String slug, String token) {
		Long id = this.mail.verify(token).orElseThrow(() -> Problem.notFound("events.error.unknown"));
		Registration registration = this.registrations.byId(id)
			.orElseThrow(() -> Problem.notFound("events.error.unknown"));
		Event event = this.events.bySlug(slug);
		if (registration.eventId() != event.id() || registration.email() == null) {
			throw Problem.notFound("events.error.unknown");
		}
		return new Own(event, registration, token);
	}

	@GetMapping("/events/{slug}/registration/{token}")
	String mine(@PathVariable String slug, @PathVariable String token, HttpServletResponse response, Model model,
			Locale locale) {
		Own own = own(slug, token);
		response.setHeader("X-Robots-Tag", "noindex, nofollow");
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		Event event = own.event();
		boolean seat = own.registration().status() == Registration.Status.REGISTERED;
		model.addAttribute("event",
				this.views.view(event, this.views.registered(event.id()), event.zone(), locale, seat));
		model.addAttribute("registration", own.registration());
		model.addAttribute("token", token);
		model.addAttribute("online", (seat && event.kind().online()) ? event.onlineUrl() : null);
		model.addAttribute("qr", seat && event.kind().inPerson() && !event.cancelled());
		return "events/registration";
	}

	@GetMapping(path = "/events/{slug}/registration/{token}/qr.svg")
	ResponseEntity<String> qr(@PathVariable String slug, @PathVariable String token) {
		Own own = own(slug, token);
		if (own.registration().status() != Registration.Status.REGISTERED) {
			throw Problem.notFound("events.error.unknown");
		}
		String checkIn = this.views.baseUrl() + "/leader/events/" + own.event().id() + "/check-in?code="
				+ own.registration().code();
		return ResponseEntity.ok()
			.contentType(MediaType.valueOf("image/svg+xml"))
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(QrCodes.svg(checkIn));
	}

	@GetMapping("/events/{slug}/registration/{token}/calendar.ics")
	ResponseEntity<byte[]> calendar(@PathVariable String slug, @PathVariable String token, Locale locale) {
		Own own = own(slug, token);
		boolean seat = own.registration().status() == Registration.Status.REGISTERED;
		Event event = own.event();
		String text = Ical.calendar(event.title(locale), Ical.host(this.views.baseUrl()), this.views.now(),
				java.util.List.of(this.views.entry(event, locale, seat)));
		ResponseEntity<byte[]> file = Ical.file(text, event.slug() + ".ics");
		return ResponseEntity.status(file.getStatusCode()).headers((headers) -> {
			headers.putAll(file.getHeaders());
			headers.setCacheControl("no-store");
		}).body(file.getBody());
	}

	@PostMapping("/events/{slug}/registration/{token}/cancel")
	String cancel(@PathVariable String slug, @PathVariable String token, HttpServletResponse response, Model model,
			Locale locale) {
		Own own = own(slug, token);
		response.setHeader("X-Robots-Tag", "noindex, nofollow");
		this.registrations.cancel(own.registration().id(), this.views.now());
		Event event = own.event();
		model.addAttribute("event",
				this.views.view(event, this.views.registered(event.id()), event.zone(), locale, false));
		return "events/registration-cancelled";
	}

}
