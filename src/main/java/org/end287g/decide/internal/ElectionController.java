package org.end287g.decide.internal;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.end287g.decide.Pledge;
import org.end287g.places.County;
import org.end287g.places.Places;
import org.end287g.problems.Problem;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The public side of elections: a county's upcoming elections with every candidate's
 * answer side by side, and the questionnaire a candidate opens from the mailed link (a
 * page with a form, so a mail scanner opening the link changes nothing).
 */
@Controller
class ElectionController {

	private final ElectionStore store;

	private final Questionnaire questionnaire;

	private final Places places;

	private final TransactionTemplate transactions;

	ElectionController(ElectionStore store, Questionnaire questionnaire, Places places,
			TransactionTemplate transactions) {
		this.store = store;
		this.questionnaire = questionnaire;
		this.places = places;
		this.transactions = transactions;
	}

	@GetMapping("/elections/{state}/{county}")
	String county(@PathVariable String state, @PathVariable String county, Model model) {
		County found = this.places.county(county.matches("[0-9]{5}") ? county : null)
			.filter((c) -> c.stateCode().equalsIgnoreCase(state))
			.orElseThrow(() -> Problem.notFound("decide.elections.error.county"));
		model.addAttribute("county", found);
		model.addAttribute("stateName",
				this.places.state(found.stateCode()).map((s) -> s.name()).orElse(found.stateCode()));
		model.addAttribute("elections", this.store.upcomingInCounty(found.fips()));
		return "decide/elections";
	}

	@GetMapping("/pledge")
	String questionnaire(@RequestParam(required = false) @Nullable String token, Model model) {
		ElectionStore.Asked asked = this.questionnaire.verify(token)
			.orElseThrow(() -> Problem.notFound("decide.pledge.error.link"));
		return form(asked, token, "", "", Map.of(), model);
	}

	@PostMapping("/pledge")
	String answer(@RequestParam(required = false) @Nullable String token,
			@RequestParam(required = false, defaultValue = "") String answer,
			@RequestParam(required = false, defaultValue = "") String statement, HttpServletResponse response,
			Model model, RedirectAttributes redirect) {
		ElectionStore.Asked asked = this.questionnaire.verify(token)
			.orElseThrow(() -> Problem.notFound("decide.pledge.error.link"));
		Map<String, String> errors = new java.util.LinkedHashMap<>();
		Pledge pledge = Questionnaire.pledge(answer);
		if (pledge == null) {
			errors.put("answer", "decide.pledge.error.answer");
		}
		Questionnaire.checkStatement(errors, statement);
		if (!errors.isEmpty() || pledge == null) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return form(asked, token, answer, statement, errors, model);
		}
		long candidate = asked.candidate().id();
		this.transactions.executeWithoutResult((status) -> this.store.answer("candidate:" + candidate, candidate,
				pledge, Entry.orNull(statement.strip()), ElectionStore.QUESTIONNAIRE, null, null));
		redirect.addFlashAttribute("notice", "decide.pledge.saved");
		return "redirect:" + UriComponentsBuilder.fromPath("/pledge").queryParam("token", token).build().toUriString();
	}

	private String form(ElectionStore.Asked asked, @Nullable String token, String answer, String statement,
			Map<String, String> errors, Model model) {
		Asking view = new Asking(asked);
		model.addAttribute("asked", view);
		model.addAttribute("token", token);
		model.addAttribute("answer", answer.isEmpty() ? view.current() : answer);
		model.addAttribute("statement", (statement.isEmpty() && asked.candidate().statement() != null)
				? asked.candidate().statement() : statement);
		model.addAttribute("errors", errors);
		model.addAttribute("maxStatement", Questionnaire.MAX_STATEMENT);
		return "decide/pledge";
	}

	/** What the questionnaire page shows. */
	record Asking(String name, String office, String date, String current, @Nullable String countyPath) {

		Asking(ElectionStore.Asked asked) {
			this(asked.candidate().name(), asked.election().office(), asked.election().generalDate().toString(),
					(asked.candidate().pledge() == Pledge.NO_ANSWER) ? "" : asked.candidate().pledge().name(),
					(asked.election().countyFips() != null) ? "/elections/"
							+ asked.election().state().toLowerCase(Locale.ROOT) + "/" + asked.election().countyFips()
							: null);
		}

	}

}
