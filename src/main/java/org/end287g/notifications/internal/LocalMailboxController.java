package org.end287g.notifications.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * /mailbox: the mail kept on the embedded default, newest first, and each message with
 * its links, for the person on this machine only ({@link LocalMailbox},
 * {@link ThisMachine}). Everywhere else, and to anyone else, it does not exist: the
 * site's page for an unknown address.
 */
@Controller
class LocalMailboxController {

	static final int PAGE_SIZE = 50;

	private final LocalMailbox mailbox;

	private final OutboxMessages messages;

	LocalMailboxController(LocalMailbox mailbox, OutboxMessages messages) {
		this.mailbox = mailbox;
		this.messages = messages;
	}

	@GetMapping(LocalMailbox.PATH)
	String list(@RequestParam(name = "page", required = false) @Nullable String page, Model model,
			HttpServletRequest request) {
		readable(request);
		model.addAttribute("page", this.messages.headers(MailAddressParts.pageNumber(page), PAGE_SIZE));
		return "notifications/mailbox";
	}

	@GetMapping(LocalMailbox.PATH + "/{id}")
	String message(@PathVariable String id, Model model, HttpServletRequest request) {
		readable(request);
		model.addAttribute("message",
				MailAddressParts.id(id).flatMap(this.messages::full).orElseThrow(LocalMailboxController::absent));
		return "notifications/mailbox-message";
	}

	/**
	 * Anyone but this machine's person, on any run but the embedded default, finds
	 * nothing.
	 */
	private void readable(HttpServletRequest request) {
		if (!this.mailbox.open() || !ThisMachine.madeIt(request)) {
			throw absent();
		}
	}

	/** Answered with the site's own page for an address that does not exist. */
	private static ResponseStatusException absent() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND);
	}

}
