package org.end287g.toolkit.internal;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.end287g.problems.Problem;
import org.end287g.site.SafeMarkdown;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The training lessons as a leader reads them for one campaign, with their progress; only
 * the campaign's leaders and staff reach them.
 */
@Controller
class LeaderLessonsController {

	private final Lessons lessons;

	private final CampaignFacts facts;

	LeaderLessonsController(Lessons lessons, CampaignFacts facts) {
		this.lessons = lessons;
		this.facts = facts;
	}

	/** A lesson in the list: its title in the page's language and whether it was read. */
	record Item(String slug, String title, boolean read) {
	}

	@GetMapping("/leader/campaigns/{id}/lessons")
	String list(Authentication authentication, @PathVariable String id, Model model, Locale locale) {
		CampaignFacts.Facts facts = this.facts.led(authentication, id);
		String language = MaterialLanguage.of(null, locale).getLanguage();
		Set<String> read = this.lessons.read(authentication.getName(), facts.campaign().id());
		List<Item> items = this.lessons.all()
			.stream()
			.map((lesson) -> new Item(lesson.slug(), lesson.title(language), read.contains(lesson.slug())))
			.toList();
		model.addAttribute("facts", facts);
		model.addAttribute("record", facts.campaign());
		model.addAttribute("items", items);
		model.addAttribute("progress",
				new Lessons.Progress((int) items.stream().filter(Item::read).count(), items.size()));
		return "toolkit/lessons";
	}

	@GetMapping("/leader/campaigns/{id}/lessons/{slug}")
	String lesson(Authentication authentication, @PathVariable String id, @PathVariable String slug, Model model,
			Locale locale) {
		CampaignFacts.Facts facts = this.facts.led(authentication, id);
		Lessons.Lesson lesson = this.lessons.find(slug)
			.orElseThrow(() -> Problem.notFound("toolkit.lessons.error.unknown"));
		String language = MaterialLanguage.of(null, locale).getLanguage();
		List<Lessons.Lesson> all = this.lessons.all();
		int index = all.indexOf(lesson);
		model.addAttribute("facts", facts);
		model.addAttribute("record", facts.campaign());
		model.addAttribute("lesson", lesson);
		model.addAttribute("lessonTitle", lesson.title(language));
		model.addAttribute("body", SafeMarkdown.html(lesson.body(language), 2, SafeMarkdown.Author.STAFF));
		model.addAttribute("read", this.lessons.read(authentication.getName(), facts.campaign().id()).contains(slug));
		model.addAttribute("next", (index + 1 < all.size()) ? all.get(index + 1).slug() : null);
		return "toolkit/lesson";
	}

	@PostMapping("/leader/campaigns/{id}/lessons/{slug}")
	String mark(Authentication authentication, @PathVariable String id, @PathVariable String slug,
			@RequestParam(required = false) @Nullable String read,
			@RequestParam(required = false) @Nullable String next) {
		CampaignFacts.Facts facts = this.facts.led(authentication, id);
		Lessons.Lesson lesson = this.lessons.find(slug)
			.orElseThrow(() -> Problem.notFound("toolkit.lessons.error.unknown"));
		if (!"true".equals(read) && !"false".equals(read)) {
			throw Problem.badRequest("toolkit.lessons.error.read");
		}
		long campaignId = facts.campaign().id();
		this.lessons.mark(authentication.getName(), campaignId, lesson.slug(), "true".equals(read));
		if ("true".equals(read) && next != null && this.lessons.find(next).isPresent()) {
			return "redirect:/leader/campaigns/" + campaignId + "/lessons/" + next;
		}
		return "redirect:/leader/campaigns/" + campaignId + "/lessons";
	}

}
