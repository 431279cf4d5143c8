package org.end287g.decide.internal;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.end287g.decide.OfficeKind;
import org.end287g.places.Places;
import org.end287g.places.State;
import org.end287g.tracker.TrackerReader;
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
 * Staff's directory of decision-makers (under /admin, so staff with a passkey only): one
 * state at a time, its offices with every holder, a form for an office and its holder,
 * the end of a term, and the CSV import.
 */
@Controller
class AdminDecideController {

	private final Directory directory;

	private final CsvImport csv;

	private final Places places;

	private final TrackerReader tracker;

	private final TransactionTemplate transactions;

	AdminDecideController(Directory directory, CsvImport csv, Places places, TrackerReader tracker,
			TransactionTemplate transactions) {
		this.directory = directory;
		this.csv = csv;
		this.places = places;
		this.tracker = tracker;
		this.transactions = transactions;
	}

	@GetMapping("/admin/decide")
	String page(@RequestParam(required = false) @Nullable String state,
			@RequestParam(required = false) @Nullable String office, Model model) {
		String code = state(state);
		Entry entry = Entry.empty((code != null) ? code : "");
		if (code != null && office != null) {
			for (Directory.Office o : this.directory.offices(code)) {
				if (Long.toString(o.id()).equals(office)) {
					entry = new Entry(o.kind().name(), o.name(), o.state(), nz(o.countyFips()), nz(o.city()),
							nz(o.agencySlug()), "", "", "", "", "", "", "", "", "", "", "", "");
				}
			}
		}
		return show(code, entry, Map.of(), null, model);
	}

	@PostMapping("/admin/decide/entries")
	String save(Authentication authentication, @ModelAttribute Entry entry, HttpServletResponse response, Model model,
			RedirectAttributes redirect) {
		Map<String, String> errors = entry.check(this.places, this.tracker, this.directory.today());
		if (!errors.isEmpty()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return show(state(entry.state()), entry, errors, null, model);
		}
		Directory.Saved saved = this.transactions
			.execute((status) -> this.directory.save(authentication.getName(), entry));
		redirect.addFlashAttribute("notice", "decide.admin.saved." + saved.name());
		return "redirect:/admin/decide?state=" + entry.state();
	}

	@PostMapping("/admin/decide/holders/{id}/end")
	String end(Authentication authentication, @PathVariable String id,
			@RequestParam(required = false, defaultValue = "") String state,
			@RequestParam(required = false, defaultValue = "") String day,
			@RequestParam(required = false, defaultValue = "") String sourceUrl, RedirectAttributes redirect) {
		String code = state(state);
		LocalDate date = Entry.parseDate(day.strip());
		Entry source = new Entry("", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", sourceUrl, "");
		boolean urlOk = !source.check(this.places, this.tracker, this.directory.today()).containsKey("sourceUrl");
		Long holder = (id.length() <= 18 && id.chars().allMatch(Character::isDigit) && !id.isEmpty())
				? Long.parseLong(id) : null;
		if (date == null || !urlOk || holder == null) {
			String error = "decide.admin.end.failed";
			if (date == null) {
				error = "decide.error.date";
			}
			else if (!urlOk) {
				error = "decide.admin.end.source";
			}
			redirect.addFlashAttribute("endError", error);
		}
		else if (this.directory.endTerm(authentication.getName(), holder, date, source.sourceUrl())) {
			redirect.addFlashAttribute("notice", "decide.admin.ended");
		}
		else {
			redirect.addFlashAttribute("endError", "decide.admin.end.failed");
		}
		return "redirect:/admin/decide" + ((code != null) ? "?state=" + code : "");
	}

	@PostMapping("/admin/decide/import")
	String importCsv(Authentication authentication, @RequestParam(required = false, defaultValue = "") String state,
			@RequestParam(required = false) @Nullable MultipartFile file,
			@RequestParam(required = false, defaultValue = "") String action, HttpServletResponse response, Model model)
			throws IOException {
		String code = state(state);
		CsvImport.Result result;
		if (code == null) {
			result = new CsvImport.Result(true, 0, List.of(new CsvImport.Problem(0, null, "decide.csv.state")), 0, 0,
					0);
		}
		else if (file != null && file.getSize() > CsvImport.MAX_BYTES) {
			result = new CsvImport.Result(true, 0, List.of(new CsvImport.Problem(0, null, "decide.csv.tooBig")), 0, 0,
					0);
		}
		else {
			result = this.csv.run(authentication.getName(), code, (file != null) ? file.getBytes() : new byte[0],
					!"save".equals(action));
		}
		if (!result.problems().isEmpty()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
		}
		return show(code, Entry.empty((code != null) ? code : ""), Map.of(), result, model);
	}

	private String show(@Nullable String state, Entry entry, Map<String, String> errors,
			CsvImport.@Nullable Result result, Model model) {
		model.addAttribute("states", this.places.states());
		model.addAttribute("state", state);
		model.addAttribute("kinds", OfficeKind.values());
		model.addAttribute("offices", (state != null) ? this.directory.offices(state) : List.of());
		model.addAttribute("entry", entry);
		model.addAttribute("errors", errors);
		model.addAttribute("result", result);
		model.addAttribute("columns", Entry.COLUMNS);
		model.addAttribute("today", this.directory.today().toString());
		return "decide/admin";
	}

	private @Nullable String state(@Nullable String value) {
		if (value == null || value.length() != 2) {
			return null;
		}
		return this.places.state(value.toUpperCase(Locale.ROOT)).map(State::code).orElse(null);
	}

	private static String nz(@Nullable String value) {
		return (value != null) ? value : "";
	}

}
