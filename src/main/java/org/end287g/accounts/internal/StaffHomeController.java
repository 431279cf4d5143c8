package org.end287g.accounts.internal;

import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.end287g.StaffQueue;
import org.end287g.StaffQueue.StaffPage;
import org.end287g.StaffQueue.WaitingWork;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The staff home, {@code /admin} (staff only, as all of {@code /admin}): what waits for
 * staff, with how many and where to act, first what waits and then what does not, in the
 * order of the modules' {@link StaffQueue}s; then every staff page, by name.
 */
@Controller
@ConditionalOnWebApplication
class StaffHomeController {

	private final ObjectProvider<StaffQueue> queues;

	private final MessageSource messages;

	StaffHomeController(ObjectProvider<StaffQueue> queues, MessageSource messages) {
		this.queues = queues;
		this.messages = messages;
	}

	@GetMapping("/admin")
	String home(Model model, Locale locale) {
		List<WaitingWork> waiting = this.queues.orderedStream()
			.flatMap((queue) -> queue.waiting().stream())
			.sorted(Comparator.comparing((WaitingWork work) -> !work.waits()))
			.toList();
		Collator collator = Collator.getInstance(locale);
		List<StaffPage> pages = this.queues.orderedStream()
			.flatMap((queue) -> queue.pages().stream())
			.sorted(Comparator.comparing((StaffPage page) -> this.messages.getMessage(page.titleKey(), null, locale),
					collator))
			.toList();
		model.addAttribute("waiting", waiting);
		model.addAttribute("waitingTotal", waiting.stream().mapToLong(WaitingWork::count).sum());
		model.addAttribute("pages", pages);
		return "admin/home";
	}

}
