package org.end287g.toolkit.internal;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.end287g.tracker.AgreementView;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Research help for a campaign's leaders: a public-records request letter to the target
 * agency (the MOA, its costs, the numbers of people held), filled in from the tracker's
 * data, and where they record when they sent it and what the agency answered.
 */
@Controller
class RecordsRequestController {

	private final CampaignFacts facts;

	private final RecordsRequests requests;

	private final MessageSource messages;

	RecordsRequestController(CampaignFacts facts, RecordsRequests requests, MessageSource messages) {
		this.facts = facts;
		this.requests = requests;
		this.messages = messages;
	}

	@GetMapping("/leader/campaigns/{id}/records-request")
	String page(Authentication authentication, @PathVariable String id, Model model, Locale locale) {
		CampaignFacts.Facts facts = this.facts.led(authentication, id);
		RecordsRequests.Record record = this.requests.of(facts.campaign().id());
		return show(facts, model, locale, Map.of(), record.sentOn() != null ? record.sentOn().toString() : "",
				record.answeredOn() != null ? record.answeredOn().toString() : "",
				record.answer() != null ? record.answer() : "");
	}

	@PostMapping("/leader/campaigns/{id}/records-request")
	String save(Authentication authentication, @PathVariable String id, @RequestParam(required = false) String sentOn,
			@RequestParam(required = false) String answeredOn, @RequestParam(required = false) String answer,
			HttpServletResponse response, Model model, Locale locale, RedirectAttributes redirect) {
		CampaignFacts.Facts facts = this.facts.led(authentication, id);
		RecordsRequests.Checked checked = RecordsRequests.check(sentOn, answeredOn, answer,
				LocalDate.now(ZoneOffset.UTC));
		if (!checked.errors().isEmpty()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return show(facts, model, locale, checked.errors(), shorter(sentOn, 20), shorter(answeredOn, 20),
					shorter(answer, RecordsRequests.MAX_ANSWER * 2));
		}
		this.requests.save(authentication.getName(), facts.campaign().id(), checked.record());
		redirect.addFlashAttribute("notice", "toolkit.records.saved");
		return "redirect:/leader/campaigns/" + facts.campaign().id() + "/records-request#record";
	}

	private String show(CampaignFacts.Facts facts, Model model, Locale locale, Map<String, String> errors,
			String sentOn, String answeredOn, String answer) {
		Locale language = MaterialLanguage.of(null, locale);
		model.addAttribute("facts", facts);
		model.addAttribute("record", facts.campaign());
		model.addAttribute("letter", letter(facts, language, LocalDate.now(ZoneOffset.UTC)));
		model.addAttribute("errors", errors);
		model.addAttribute("form", Map.of("sent-on", sentOn, "answered-on", answeredOn, "answer", answer));
		model.addAttribute("today", LocalDate.now(ZoneOffset.UTC).toString());
		return "toolkit/records";
	}

	/** The letter's paragraphs in a language, from what the tracker knows now. */
	List<String> letter(CampaignFacts.Facts facts, Locale language, LocalDate today) {
		DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(language);
		List<String> agreements = new ArrayList<>();
		for (AgreementView agreement : facts.agreements()) {
			String model = text("model." + agreement.model() + ".name", language) + " (" + agreement.model() + ")";
			agreements.add((agreement.signed() != null)
					? text("toolkit.records.letter.agreement", language, model, dates.format(agreement.signed()))
					: model);
		}
		String listed = agreements.isEmpty() ? text("toolkit.records.letter.noneListed", language)
				: String.join("; ", agreements);
		String moa = facts.agreements()
			.stream()
			.map(AgreementView::moaLink)
			.filter(link -> link != null)
			.findFirst()
			.map(link -> " " + text("toolkit.records.letter.moa", language, link))
			.orElse("");
		List<String> letter = new ArrayList<>();
		letter.add(dates.format(today));
		letter.add(text("toolkit.records.letter.to", language, facts.agency(), facts.place(), facts.stateName()));
		letter.add(text("toolkit.records.letter.re", language, facts.agency()));
		letter.add(text("toolkit.records.letter.law", language, facts.stateName()));
		letter.add(text("toolkit.records.letter.item1", language, facts.agency(), listed) + moa);
		letter.add(text("toolkit.records.letter.item2", language, facts.agency()));
		letter.add(text("toolkit.records.letter.item3", language));
		letter.add(text("toolkit.records.letter.item4", language));
		letter.add(text("toolkit.records.letter.form", language));
		letter.add(text("toolkit.records.letter.thanks", language));
		letter.add(text("toolkit.records.letter.sign", language));
		return letter;
	}

	private String text(String key, Locale language, Object... args) {
		return this.messages.getMessage(key, args, language);
	}

	private static String shorter(String value, int max) {
		if (value == null) {
			return "";
		}
		return (value.length() > max) ? value.substring(0, max) : value;
	}

}
