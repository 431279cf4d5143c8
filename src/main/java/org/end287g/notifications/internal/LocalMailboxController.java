package org.end287g.notifications.internal;

import java.util.Optional;

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

	private static final int MAX_PAGE = 100_000;

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
		model.addAttribute("page", this.messages.headers(pageNumber(page), PAGE_SIZE));
		return "notifications/mailbox";
	}

	@GetMapping(LocalMailbox.PATH + "/{id}")
	String message(@PathVariable String id, Model model, HttpServletRequest request) {
		readable(request);
		model.addAttribute("message", id(id).flatMap(this.messages::full).orElseThrow(LocalMailboxController::absent));
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
