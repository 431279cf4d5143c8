package org.end287g.alerts;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.end287g.SiteAddress;
import org.end287g.notifications.Mail;
import org.end287g.notifications.Outbox;
import org.end287g.places.Places;
import org.end287g.privacy.QuietLimits;
import org.end287g.privacy.RateLimits;
import org.end287g.privacy.SignedLinks;
import org.end287g.problems.Problem;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Following a place: the form (on its own page, and as a part of the near-me, state and
 * agency pages), the confirmation link mailed to the address, and the link in every alert
 * that stops it. Links open a page with a button, so that a mail scanner opening them
 * changes nothing. Every request gets the same answer whether or not the address already
 * follows the place.
 */
@Controller
class AlertController {

	static final String CONFIRM = "alert-confirm";

	static final String STOP = "alert-stop";

	static final Duration CONFIRM_VALIDITY = Duration.ofDays(7);

	static final Duration STOP_VALIDITY = Duration.ofDays(400);

	private final AlertSubscriptions subscriptions;

	private final Places places;

	private final SignedLinks links;

	private final RateLimits rateLimits;

	private final QuietLimits quietLimits;

	private final Outbox outbox;

	private final SiteAddress site;

	private final MessageSource messages;

	private final Clock clock;

	AlertController(AlertSubscriptions subscriptions, Places places, SignedLinks links, RateLimits rateLimits,
			QuietLimits quietLimits, Outbox outbox, SiteAddress site, MessageSource messages) {
		this.messages = messages;
		this.subscriptions = subscriptions;
		this.places = places;
		this.links = links;
		this.rateLimits = rateLimits;
		this.quietLimits = quietLimits;
		this.outbox = outbox;
		this.site = site;
		this.clock = Clock.systemUTC();
	}

	@GetMapping("/alerts")
	String form(@RequestParam(required = false) @Nullable String place, Model model) {
		AlertPlace followed = known(place);
		model.addAttribute("form", new AlertForm("", followed.code()));
		model.addAttribute("place", followed);
		return "alerts/follow";
	}

	@PostMapping("/alerts")
	String follow(@ModelAttribute("form") @Valid AlertForm form, BindingResult result, HttpServletRequest request,
			HttpServletResponse response, Model model, Locale locale) {
		Optional<AlertPlace> place = AlertPlace.of(form.place(), this.places);
		if (place.isEmpty()) {
			throw Problem.badRequest("alerts.error.place");
		}
		if (result.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			FieldError error = result.getFieldError("email");
			model.addAttribute("emailError", (error != null) ? this.messages.getMessage(error, locale) : null);
			model.addAttribute("place", place.get());
			return "alerts/follow";
		}
		this.rateLimits.check("alerts", request.getRemoteAddr(), form.email());
		AlertSubscriptions.Outcome outcome = this.subscriptions.subscribe(form.email(), language(locale), place.get(),
				this.clock.instant());
		if (outcome instanceof AlertSubscriptions.Outcome.Pending(long id)
				&& this.quietLimits.tryTake("alert-mail", form.email())) {
			String link = link("/alerts/confirm", this.links.sign(CONFIRM, Long.toString(id), CONFIRM_VALIDITY));
			this.outbox.enqueue(Mail
				.transactional(form.email(), language(locale), "alert-confirm", Map.of("place", place.get().label(),
						"link", link, "days", CONFIRM_VALIDITY.toDays(), "subjectArgs", List.of(place.get().label())))
				.usefulFor(CONFIRM_VALIDITY));
		}
		return "redirect:/alerts/sent?place=" + place.get().code();
	}

	@GetMapping("/alerts/sent")
	String sent(@RequestParam(required = false) @Nullable String place, Model model) {
		model.addAttribute("place", known(place));
		model.addAttribute("step", "sent");
		return "alerts/done";
	}

	@GetMapping("/alerts/confirm")
	String confirmPage(@RequestParam(required = false) @Nullable String token, Model model) {
		return button(CONFIRM, token, model);
	}

	@PostMapping("/alerts/confirm")
	String confirm(@RequestParam(required = false) @Nullable String token, Model model) {
		long id = subscription(CONFIRM, token);
		AlertPlace place = placeOf(this.subscriptions.confirm(id, this.clock.instant()))
			.orElseThrow(() -> Problem.notFound("alerts.error.link"));
		model.addAttribute("place", place);
		model.addAttribute("step", "confirmed");
		return "alerts/done";
	}

	@GetMapping("/alerts/stop")
	String stopPage(@RequestParam(required = false) @Nullable String token, Model model) {
		return button(STOP, token, model);
	}

	@PostMapping("/alerts/stop")
	String stop(@RequestParam(required = false) @Nullable String token, Model model) {
		long id = subscription(STOP, token);
		Optional<AlertPlace> place = placeOf(this.subscriptions.place(id));
		this.subscriptions.stop(id);
		// stopping twice is still stopped
		model.addAttribute("place", place.orElse(null));
		model.addAttribute("step", "stopped");
		return "alerts/done";
	}

	private String button(String purpose, @Nullable String token, Model model) {
		long id = subscription(purpose, token);
		model.addAttribute("place",
				placeOf(this.subscriptions.place(id)).orElseThrow(() -> Problem.notFound("alerts.error.link")));
		model.addAttribute("token", token);
		model.addAttribute("step", purpose);
		return "alerts/button";
	}

	/** The place a subscription follows, when it (still) exists. */
	private Optional<AlertPlace> placeOf(Optional<String> code) {
		return code.flatMap((place) -> AlertPlace.of(place, this.places));
	}

	private long subscription(String purpose, @Nullable String token) {
		return this.links.verify(purpose, token)
			.flatMap(AlertController::number)
			.orElseThrow(() -> Problem.notFound("alerts.error.link"));
	}

	private static Optional<Long> number(String payload) {
		try {
			return Optional.of(Long.parseLong(payload));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	private AlertPlace known(@Nullable String place) {
		return AlertPlace.of(place, this.places).orElseThrow(() -> Problem.notFound("alerts.error.place"));
	}

	private String link(String path, String token) {
		return UriComponentsBuilder.fromUriString(this.site.link(path))
			.queryParam("token", token)
			.build()
			.toUriString();
	}

	static Locale language(Locale locale) {
		return "es".equals(locale.getLanguage()) ? Locale.forLanguageTag("es") : Locale.ENGLISH;
	}

}
