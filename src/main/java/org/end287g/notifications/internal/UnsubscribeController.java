package org.end287g.notifications.internal;

import java.util.Locale;
import java.util.Objects;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * One-click unsubscribe. The link in every message of a category opens a page with one
 * button (a link alone must not unsubscribe: mail scanners follow links); mail programs
 * post {@code List-Unsubscribe=One-Click} to the same address (RFC 8058), without a CSRF
 * token, which the signed token replaces. Posting again changes nothing.
 */
@Controller
class UnsubscribeController {

	static final String VIEW = "notifications/unsubscribe";

	private final MailLinks links;

	private final OutboxMessages messages;

	private final MessageSource text;

	UnsubscribeController(MailLinks links, OutboxMessages messages, MessageSource text) {
		this.links = links;
		this.messages = messages;
		this.text = text;
	}

	@GetMapping("/unsubscribe/{token}")
	String ask(@PathVariable String token, Model model, HttpServletResponse response, Locale locale) {
		return this.links.verifyUnsubscribe(token).map((unsubscription) -> {
			model.addAttribute("category", categoryName(unsubscription.category(), locale));
			model.addAttribute("token", token);
			model.addAttribute("done", false);
			return VIEW;
		}).orElseGet(() -> invalid(response));
	}

	@PostMapping("/unsubscribe/{token}")
	String unsubscribe(@PathVariable String token, Model model, HttpServletResponse response, Locale locale) {
		return this.links.verifyUnsubscribe(token).map((unsubscription) -> {
			this.messages.unsubscribe(unsubscription.recipientIndex(), unsubscription.category());
			model.addAttribute("category", categoryName(unsubscription.category(), locale));
			model.addAttribute("done", true);
			return VIEW;
		}).orElseGet(() -> invalid(response));
	}

	private String invalid(HttpServletResponse response) {
		response.setStatus(HttpStatus.NOT_FOUND.value());
		return "notifications/unsubscribe-invalid";
	}

	/** {@code mail.category.<name>} when translated, else the name itself. */
	private String categoryName(String category, Locale locale) {
		return Objects.requireNonNullElse(this.text.getMessage("mail.category." + category, null, category, locale),
				category);
	}

}
