package org.end287g.campaigns.signing;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;
import jakarta.validation.Validator;
import org.end287g.audit.AuditLog;
import org.end287g.campaigns.Campaign;
import org.end287g.campaigns.LedCampaigns;
import org.end287g.problems.Problem;
import org.end287g.validation.ShownBack;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Paper signatures a campaign's leader (or national staff) enters: one by one, or a CSV
 * file checked whole before anything is stored. They count at once. Anyone else gets a
 * 404, which does not even confirm the campaign exists.
 */
@Controller
class PaperController {

	private static final int LISTED_PROBLEMS = 50;

	/** The form's fields in their order, for a row's problems. */
	private static final List<String> FIELDS = Arrays.stream(SignatureForm.class.getRecordComponents())
		.map(RecordComponent::getName)
		.toList();

	private final LedCampaigns led;

	private final PaperSignatures paper;

	private final SignatureCounts counts;

	private final AuditLog audit;

	private final Validator validator;

	PaperController(LedCampaigns led, PaperSignatures paper, SignatureCounts counts, AuditLog audit,
			Validator validator) {
		this.validator = validator;
		this.led = led;
		this.paper = paper;
		this.counts = counts;
		this.audit = audit;
	}

	@GetMapping("/leader/campaigns/{id}/paper")
	ModelAndView form(Authentication authentication, @PathVariable String id,
			@RequestParam(required = false) @Nullable String added,
			@RequestParam(required = false) @Nullable String duplicate) {
		Campaign campaign = this.led.allowed(authentication, id);
		ModelAndView page = page(campaign);
		page.addObject("added", added != null);
		page.addObject("duplicate", duplicate != null);
		return page;
	}

	@PostMapping("/leader/campaigns/{id}/paper")
	ModelAndView enter(Authentication authentication, @PathVariable String id,
			@ModelAttribute(Signer.FORM) @Valid SignatureForm typed, BindingResult result, Locale locale) {
		Campaign campaign = this.led.allowed(authentication, id);
		if (!campaign.gathering()) {
			throw Problem.badRequest("signatures.error.closed");
		}
		if (result.hasErrors()) {
			ExtendedModelMap shown = new ExtendedModelMap();
			ShownBack.into(shown, result);
			ModelAndView page = page(campaign).addAllObjects(shown);
			page.setStatus(HttpStatus.BAD_REQUEST);
			return page;
		}
		SignatureForm form = typed.onPaper();
		PaperSignatures.Result added = this.paper.add(campaign, List.of(new PaperSignatures.Entry(1, form)),
				authentication.getName(), locale);
		this.audit.record(authentication.getName(), "signatures.paper-entry", Long.toString(campaign.id()),
				"added=" + added.added());
		RedirectView redirect = new RedirectView(
				"/leader/campaigns/" + campaign.id() + "/paper?" + ((added.added() == 1) ? "added=1" : "duplicate=1"),
				true);
		redirect.setStatusCode(HttpStatus.SEE_OTHER);
		redirect.setExposeModelAttributes(false);
		return new ModelAndView(redirect);
	}

	/** The uploaded file read, or its problem: none, too large. */
	private static PaperCsv.Parsed parsed(@Nullable MultipartFile file) throws IOException {
		if (file == null) {
			return PaperCsv.parse(null);
		}
		return (file.getSize() > PaperCsv.MAX_BYTES) ? PaperCsv.tooLarge() : PaperCsv.parse(file.getBytes());
	}

	@PostMapping("/leader/campaigns/{id}/paper/import")
	ModelAndView importFile(Authentication authentication, @PathVariable String id,
			@RequestParam(required = false) @Nullable MultipartFile file, Locale locale) throws IOException {
		Campaign campaign = this.led.allowed(authentication, id);
		if (!campaign.gathering()) {
			throw Problem.badRequest("signatures.error.closed");
		}
		PaperCsv.Parsed parsed = parsed(file);
		List<PaperCsv.Problem> problems = new ArrayList<>(parsed.problems());
		List<PaperSignatures.Entry> entries = new ArrayList<>();
		for (PaperCsv.Row row : parsed.rows()) {
			List<String> c = row.cells();
			SignatureForm form = new SignatureForm(c.get(0), c.get(1), c.get(3), c.get(2), c.get(4), null,
					PaperCsv.ticked(c.get(5)) ? "true" : null, null, null, null);
			List<PaperCsv.Problem> found = problems(row.line(), form);
			if (found.isEmpty()) {
				entries.add(new PaperSignatures.Entry(row.line(), form));
			}
			problems.addAll(found);
		}
		ModelAndView page = page(campaign);
		if (!problems.isEmpty()) {
			problems.sort(Comparator.comparingInt(PaperCsv.Problem::line));
			page.addObject("importProblems", problems.subList(0, Math.min(problems.size(), LISTED_PROBLEMS)));
			page.addObject("importMoreProblems", Math.max(0, problems.size() - LISTED_PROBLEMS));
			page.setStatus(HttpStatus.BAD_REQUEST);
			return page;
		}
		PaperSignatures.Result result = this.paper.add(campaign, entries, authentication.getName(), locale);
		this.audit.record(authentication.getName(), "signatures.paper-import", Long.toString(campaign.id()),
				"rows=" + entries.size() + " added=" + result.added() + " duplicates=" + result.duplicates().size());
		page.addObject("imported", result);
		page.addObject("count", this.counts.count(campaign.id()));
		return page;
	}

	/**
	 * A row's problems with the form's constraints, in the form's order, by message key
	 * (each constraint's message is one {@code {key}} of the bundles).
	 */
	private List<PaperCsv.Problem> problems(int line, SignatureForm form) {
		return this.validator.validate(form)
			.stream()
			.sorted(Comparator.comparingInt((violation) -> FIELDS.indexOf(violation.getPropertyPath().toString())))
			.map((violation) -> new PaperCsv.Problem(line,
					violation.getMessageTemplate().substring(1, violation.getMessageTemplate().length() - 1)))
			.toList();
	}

	private ModelAndView page(Campaign campaign) {
		ModelAndView page = new ModelAndView("campaigns/paper");
		page.addObject("record", campaign);
		page.addObject(Signer.FORM, SignatureForm.EMPTY);
		page.addObject("count", this.counts.count(campaign.id()));
		page.addObject("maxRows", PaperCsv.MAX_ROWS);
		return page;
	}

}
