package org.end287g.events.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.end287g.audit.AuditLog;
import org.end287g.events.internal.OrganizerScopes.Scope;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
 * Who comes to an event, for its organisers: check-in by code (the registrant's QR code
 * opens the page) and the registrations as CSV, an audited export of personal data.
 */
@Controller
class AttendanceController {

	private final OrganizerScopes scopes;

	private final EventViews views;

	private final Registrations registrations;

	private final AuditLog audit;

	private final TransactionTemplate transactions;

	AttendanceController(OrganizerScopes scopes, EventViews views, Registrations registrations, AuditLog audit,
			TransactionTemplate transactions) {
		this.scopes = scopes;
		this.views = views;
		this.registrations = registrations;
		this.audit = audit;
		this.transactions = transactions;
	}

	@GetMapping({ "/admin/events/{id}/check-in", "/leader/events/{id}/check-in" })
	String checkInPage(@PathVariable String id, @RequestParam(required = false) @Nullable String code,
			HttpServletRequest request, Authentication authentication, HttpServletResponse response, Model model,
			Locale locale) {
		Scope scope = this.scopes.scope(request.getRequestURI(), authentication);
		Event event = this.scopes.reachable(scope, id);
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

	private String checkIn(Model model, Scope scope, Event event, @Nullable Registration found, @Nullable String code,
			Locale locale) {
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
	String checkIn(@PathVariable String id, @RequestParam(required = false) @Nullable String code,
			HttpServletRequest request, Authentication authentication, HttpServletResponse response, Model model,
			Locale locale, RedirectAttributes redirect) {
		Scope scope = this.scopes.scope(request.getRequestURI(), authentication);
		Event event = this.scopes.reachable(scope, id);
		Registration found = this.registrations.byCode(event.id(), code).orElse(null);
		if (found == null || found.status() != Registration.Status.REGISTERED) {
			response.setStatus((found != null) ? HttpStatus.CONFLICT.value() : HttpStatus.NOT_FOUND.value());
			model.addAttribute("codeError",
					(found != null) ? "events.checkIn.error.noSeat" : "events.checkIn.error.unknown");
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
	ResponseEntity<byte[]> csv(@PathVariable String id, HttpServletRequest request, Authentication authentication) {
		Scope scope = this.scopes.scope(request.getRequestURI(), authentication);
		Event event = this.scopes.reachable(scope, id);
		List<Registration> all = this.registrations.ofEvent(event.id());
		byte[] csv = RegistrationCsv.write(event, all);
		this.transactions.executeWithoutResult((status) -> this.audit.record(authentication.getName(),
				"personal-data.export", "event:" + event.id(), "registrations.csv rows=" + all.size()));
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(event.slug() + "-registrations.csv").build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(csv);
	}

}
