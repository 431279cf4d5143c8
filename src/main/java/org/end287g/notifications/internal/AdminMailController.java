package org.end287g.notifications.internal;

import java.time.Clock;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * /admin/mail: every message of the outbox, newest first, with its state and deadline,
 * and above them what waits (and since when), what failed and what expired. When no SMTP
 * server is configured the messages are kept, not sent, and staff can open each one to
 * follow its links; when mail is sent, recipients and bodies (which hold sign-in links)
 * are never shown. Staff queue a failed message again, or every failed message at once
 * (after the mail server refused them all), unless its deadline passed; both are audited.
 */
@Controller
class AdminMailController {

	static final int PAGE_SIZE = 50;

	private final OutboxMessages messages;

	private final OutboxWorker worker;

	private final MailSettings settings;

	private final Clock clock;

	AdminMailController(OutboxMessages messages, OutboxWorker worker, MailSettings settings, Optional<Clock> clock) {
		this.messages = messages;
		this.worker = worker;
		this.settings = settings;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	@GetMapping("/admin/mail")
	String list(@RequestParam(name = "page", required = false) @Nullable String page,
			@RequestParam(name = "retried", required = false) @Nullable String retried,
			@RequestParam(name = "retriedAll", required = false) @Nullable String retriedAll, Model model) {
		OutboxMessages.Counts counts = this.messages.counts();
		long waitedMinutes = counts.waiting().oldestAge(this.clock.instant()).toMinutes();
		model.addAttribute("page", this.messages.page(MailAddressParts.pageNumber(page), PAGE_SIZE));
		model.addAttribute("kept", !this.worker.sends());
		model.addAttribute("retried", "1".equals(retried));
		model.addAttribute("retriedAll", count(retriedAll));
		model.addAttribute("counts", counts);
		model.addAttribute("waitedMinutes", waitedMinutes);
		model.addAttribute("late", waitedMinutes > this.settings.degradedAfter().toMinutes());
		return "notifications/admin-mail";
	}

	@GetMapping("/admin/mail/{id}")
	String message(@PathVariable String id, Model model, HttpServletResponse response) {
		Optional<Long> number = MailAddressParts.id(id);
		if (number.isEmpty() || this.worker.sends()) {
			return notFound(response);
		}
		return this.messages.full(number.get()).map((full) -> {
			model.addAttribute("message", full);
			return "notifications/admin-mail-message";
		}).orElseGet(() -> notFound(response));
	}

	@PostMapping("/admin/mail/{id}/retry")
	String retry(Authentication authentication, @PathVariable String id, Model model, HttpServletResponse response) {
		Optional<Long> number = MailAddressParts.id(id);
		if (number.isEmpty() || this.messages.status(number.get()).isEmpty()) {
			return notFound(response);
		}
		OutboxMessages.Retry retry = this.messages.retry(authentication.getName(), number.get());
		if (retry != OutboxMessages.Retry.QUEUED) {
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute((retry == OutboxMessages.Retry.PAST_DEADLINE) ? "pastDeadline" : "notFailed", true);
			return list(null, null, null, model);
		}
		return "redirect:/admin/mail?retried=1";
	}

	/** Every failed message not past its deadline, queued again at once. */
	@PostMapping("/admin/mail/retry-failed")
	String retryAllFailed(Authentication authentication) {
		int queued = this.messages.retryAllFailed(authentication.getName());
		return "redirect:/admin/mail?retriedAll=" + queued;
	}

	private String notFound(HttpServletResponse response) {
		response.setStatus(HttpStatus.NOT_FOUND.value());
		return "notifications/admin-mail-missing";
	}

	/** The count in the address after "retry all", or {@code null}. */
	private static @Nullable Integer count(@Nullable String count) {
		try {
			int number = Integer.parseInt(count);
			return (number < 0) ? null : number;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
