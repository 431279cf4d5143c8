package org.end287g.notifications.internal;

import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * /admin/mail: every message of the outbox, newest first, with its state. When no SMTP
 * server is configured the messages are kept, not sent, and staff can open each one to
 * follow its links; when mail is sent, recipients and bodies (which hold sign-in links)
 * are never shown.
 */
@Controller
class AdminMailController {

	static final int PAGE_SIZE = 50;

	private static final int MAX_PAGE = 100_000;

	private final OutboxMessages messages;

	private final OutboxWorker worker;

	AdminMailController(OutboxMessages messages, OutboxWorker worker) {
		this.messages = messages;
		this.worker = worker;
	}

	@GetMapping("/admin/mail")
	String list(@RequestParam(name = "page", required = false) @Nullable String page,
			@RequestParam(name = "retried", required = false) @Nullable String retried, Model model) {
		model.addAttribute("page", this.messages.page(pageNumber(page), PAGE_SIZE));
		model.addAttribute("kept", !this.worker.sends());
		model.addAttribute("retried", "1".equals(retried));
		return "notifications/admin-mail";
	}

	@GetMapping("/admin/mail/{id}")
	String message(@PathVariable String id, Model model, HttpServletResponse response) {
		Optional<Long> number = id(id);
		if (number.isEmpty() || this.worker.sends()) {
			return notFound(response);
		}
		return this.messages.full(number.get()).map((full) -> {
			model.addAttribute("message", full);
			return "notifications/admin-mail-message";
		}).orElseGet(() -> notFound(response));
	}

	@PostMapping("/admin/mail/{id}/retry")
	String retry(@PathVariable String id, Model model, HttpServletResponse response) {
		Optional<Long> number = id(id);
		if (number.isEmpty() || this.messages.status(number.get()).isEmpty()) {
			return notFound(response);
		}
		if (!this.messages.retry(number.get())) {
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("notFailed", true);
			return list(null, null, model);
		}
		return "redirect:/admin/mail?retried=1";
	}

	private String notFound(HttpServletResponse response) {
		response.setStatus(HttpStatus.NOT_FOUND.value());
		return "notifications/admin-mail-missing";
	}

	/** Page numbers are 1-based in the address; anything else shows the first page. */
	private static int pageNumber(@Nullable String page) {
		try {
			int number = Integer.parseInt(page);
			return (number < 1 || number > MAX_PAGE) ? 0 : number - 1;
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	private static Optional<Long> id(String id) {
		try {
			return (id.length() <= 19) ? Optional.of(Long.valueOf(id)) : Optional.empty();
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

}
