package org.end287g.toolkit.internal;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.end287g.tracker.AgreementView;
import org.end287g.validation.PlainText;
import org.end287g.validation.ShownBack;
import org.end287g.validation.TypedText;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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

	/** When the request was sent and answered, and what the answer said, as typed. */
	record RecordForm(String sentOn, String answeredOn,
			@PlainText(max = RecordsRequests.MAX_ANSWER, multiline = true, visibleOnly = true, codePoints = true,
					tooLong = "{toolkit.records.error.answer.long}",
					message = "{toolkit.error.hidden}") String answer) {

		RecordForm {
			sentOn = TypedText.line(sentOn);
			answeredOn = TypedText.line(answeredOn);
			answer = TypedText.lines(answer);
		}

		static RecordForm of(RecordsRequests.Record record) {
			return new RecordForm(Objects.toString(record.sentOn(), ""), Objects.toString(record.answeredOn(), ""),
					Objects.toString(record.answer(), ""));
		}

		/**
		 * The record to save: dates not after today, an answer not before the request;
		 * {@code null} with errors.
		 */
		RecordsRequests.@Nullable Record record(LocalDate today, Errors errors) {
			LocalDate sent = date("sentOn", this.sentOn, today, errors);
			LocalDate answered = date("answeredOn", this.answeredOn, today, errors);
			if (answered != null && sent == null && !errors.hasFieldErrors("sentOn")) {
				errors.rejectValue("sentOn", "toolkit.records.error.sentFirst");
			}
			if (answered != null && sent != null && answered.isBefore(sent)) {
				errors.rejectValue("answeredOn", "toolkit.records.error.beforeSent");
			}
			return errors.hasErrors() ? null
					: new RecordsRequests.Record(sent, answered, this.answer.isEmpty() ? null : this.answer);
		}

		private static @Nullable LocalDate date(String field, String text, LocalDate today, Errors errors) {
			if (text.isEmpty()) {
				return null;
			}
			LocalDate date = null;
			try {
				date = (text.length() == 10) ? LocalDate.parse(text) : null;
			}
			catch (DateTimeParseException ex) {
				date = null;
			}
			if (date == null || date.isAfter(today)) {
				errors.rejectValue(field,
						(date != null) ? "toolkit.records.error.future" : "toolkit.records.error.date");
				return null;
			}
			return date;
		}

	}

	@GetMapping("/leader/campaigns/{id}/records-request")
	String page(Authentication authentication, @PathVariable String id, Model model, Locale locale) {
		CampaignFacts.Facts facts = this.facts.led(authentication, id);
		model.addAttribute("form", RecordForm.of(this.requests.of(facts.campaign().id())));
		return show(facts, model);
	}

	@PostMapping("/leader/campaigns/{id}/records-request")
	String save(Authentication authentication, @PathVariable String id, @ModelAttribute("form") @Valid RecordForm form,
			BindingResult result, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		CampaignFacts.Facts facts = this.facts.led(authentication, id);
		RecordsRequests.Record record = form.record(LocalDate.now(ZoneOffset.UTC), result);
		if (record == null || result.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			ShownBack.into(model, result);
			return show(facts, model);
		}
		this.requests.save(authentication.getName(), facts.campaign().id(), record);
		redirect.addFlashAttribute("notice", "toolkit.records.saved");
		return "redirect:/leader/campaigns/" + facts.campaign().id() + "/records-request#record";
	}

	private String show(CampaignFacts.Facts facts, Model model) {
		Locale language = MaterialLanguage.of(null, LocaleContextHolder.getLocale());
		model.addAttribute("facts", facts);
		model.addAttribute("record", facts.campaign());
		model.addAttribute("letter", letter(facts, language, LocalDate.now(ZoneOffset.UTC)));
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
			.filter((link) -> link != null)
			.findFirst()
			.map((link) -> " " + text("toolkit.records.letter.moa", language, link))
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

}
