package org.end287g.decide.internal;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.end287g.decide.Pledge;
import org.end287g.places.Places;
import org.end287g.places.State;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff's elections (under /admin, so staff with a passkey only): one state at a time,
 * its elections with their candidates and answers; a form for an election and a
 * candidate, the CSV import, the questionnaire mailed to a candidate, and a public
 * statement recorded with its source.
 */
@Controller
class AdminElectionsController {

	private final ElectionStore store;

	private final Directory directory;

	private final ElectionCsvImport csv;

	private final Questionnaire questionnaire;

	private final Places places;

	private final TransactionTemplate transactions;

	AdminElectionsController(ElectionStore store, Directory directory, ElectionCsvImport csv,
			Questionnaire questionnaire, Places places, TransactionTemplate transactions) {
		this.store = store;
		this.directory = directory;
		this.csv = csv;
		this.questionnaire = questionnaire;
		this.places = places;
		this.transactions = transactions;
	}

	@GetMapping("/admin/decide/elections")
	String page(@RequestParam(required = false) @Nullable String state, Model model) {
		return show(state(state), ElectionForm.empty(), Map.of(), null, model);
	}

	@PostMapping("/admin/decide/elections")
	String save(Authentication authentication, @RequestParam(required = false, defaultValue = "") String state,
			@ModelAttribute ElectionForm form, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		String code = state(state);
		Directory.Office office = (code != null) ? office(code, form.office()) : null;
		Map<String, String> errors = new java.util.LinkedHashMap<>();
		if (code == null) {
			errors.put("state", "decide.error.state");
		}
		else if (office == null) {
			errors.put("office", "decide.elections.error.office");
		}
		ElectionLine line = (office != null) ? ElectionLine.forOffice(office, form) : null;
		if (line != null) {
			errors.putAll(line.check(this.store.today()));
		}
		if (!errors.isEmpty() || line == null || office == null) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return show(code, form, errors, null, model);
		}
		ElectionStore.Saved saved = this.transactions
			.execute((status) -> this.store.save(authentication.getName(), office.id(), line));
		redirect.addFlashAttribute("notice", (saved != null && saved.newCandidate())
				? "decide.elections.saved.candidate" : "decide.elections.saved.election");
		return "redirect:/admin/decide/elections?state=" + code;
	}

	@PostMapping("/admin/decide/elections/import")
	String importCsv(Authentication authentication, @RequestParam(required = false, defaultValue = "") String state,
			@RequestParam(required = false) @Nullable MultipartFile file,
			@RequestParam(required = false, defaultValue = "") String action, HttpServletResponse response, Model model)
			throws IOException {
		String code = state(state);
		ElectionCsvImport.Result result;
		if (code == null) {
			result = ElectionCsvImport.Result.failed(true, "decide.csv.state");
		}
		else if (file != null && file.getSize() > CsvImport.MAX_BYTES) {
			result = ElectionCsvImport.Result.failed(true, "decide.csv.tooBig");
		}
		else {
			result = this.csv.run(authentication.getName(), code, (file != null) ? file.getBytes() : new byte[0],
					!"save".equals(action));
		}
		if (!result.problems().isEmpty()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
		}
		return show(code, ElectionForm.empty(), Map.of(), result, model);
	}

	@PostMapping("/admin/decide/elections/candidates/{id}/ask")
	String ask(Authentication authentication, @PathVariable String id,
			@RequestParam(required = false, defaultValue = "") String state, RedirectAttributes redirect) {
		Long candidate = id(id);
		String outcome = (candidate != null) ? this.questionnaire.send(authentication.getName(), candidate)
				: "decide.pledge.ask.unknown";
		redirect.addFlashAttribute(outcome.endsWith(".sent") ? "notice" : "candidateError", outcome);
		return back(state);
	}

	@PostMapping("/admin/decide/elections/candidates/{id}/statement")
	String statement(Authentication authentication, @PathVariable String id,
			@RequestParam(required = false, defaultValue = "") String state,
			@RequestParam(required = false, defaultValue = "") String answer,
			@RequestParam(required = false, defaultValue = "") String statement,
			@RequestParam(required = false, defaultValue = "") String sourceTitle,
			@RequestParam(required = false, defaultValue = "") String sourceUrl, RedirectAttributes redirect) {
		Long candidate = id(id);
		Pledge pledge = Questionnaire.pledge(answer);
		Map<String, String> errors = new java.util.LinkedHashMap<>();
		if (pledge == null) {
			errors.put("answer", "decide.pledge.error.answer");
		}
		Questionnaire.checkStatement(errors, statement);
		Entry.text(errors, "sourceTitle", sourceTitle.strip(), 300, true);
		Entry.url(errors, "sourceUrl", sourceUrl.strip(), true);
		if (candidate == null) {
			errors.put("candidate", "decide.pledge.ask.unknown");
		}
		if (errors.isEmpty() && candidate != null && pledge != null) {
			long who = candidate;
			Pledge chosen = pledge;
			Boolean saved = this.transactions.execute((status) -> this.store.answer(authentication.getName(), who,
					chosen, Entry.orNull(statement.strip()), ElectionStore.STATEMENT, sourceTitle.strip(),
					sourceUrl.strip()));
			if (!Boolean.TRUE.equals(saved)) {
				errors.put("candidate", "decide.pledge.ask.unknown");
			}
		}
		if (errors.isEmpty()) {
			redirect.addFlashAttribute("notice", "decide.pledge.statement.saved");
		}
		else {
			redirect.addFlashAttribute("candidateError", errors.values().iterator().next());
			redirect.addFlashAttribute("candidateErrorId", id);
		}
		return back(state);
	}

	private String back(String state) {
		String code = state(state);
		return "redirect:/admin/decide/elections" + ((code != null) ? "?state=" + code : "");
	}

	private String show(@Nullable String state, ElectionForm form, Map<String, String> errors,
			ElectionCsvImport.@Nullable Result result, Model model) {
		model.addAttribute("states", this.places.states());
		model.addAttribute("state", state);
		model.addAttribute("offices", (state != null) ? this.directory.offices(state) : List.of());
		model.addAttribute("elections", (state != null) ? this.store.inState(state) : List.of());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("result", result);
		model.addAttribute("columns", ElectionLine.COLUMNS);
		model.addAttribute("today", this.store.today().toString());
		return "decide/elections-admin";
	}

	private Directory.@Nullable Office office(String state, String id) {
		Long officeId = id(id);
		return this.directory.offices(state)
			.stream()
			.filter((o) -> officeId != null && o.id() == officeId)
			.findFirst()
			.orElse(null);
	}

	private @Nullable String state(@Nullable String value) {
		if (value == null || value.length() != 2) {
			return null;
		}
		return this.places.state(value.toUpperCase(Locale.ROOT)).map(State::code).orElse(null);
	}

	static @Nullable Long id(String value) {
		if (value.isEmpty() || value.length() > 18 || !value.chars().allMatch((c) -> c >= '0' && c <= '9')) {
			return null;
		}
		return Long.parseLong(value);
	}

}
