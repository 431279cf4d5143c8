package org.end287g.help.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.end287g.places.Places;
import org.end287g.privacy.RateLimits;
import org.end287g.problems.Problem;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public help pages: finding help by ZIP code, county or the jail where someone is
 * held, the know-your-rights page, the pocket card of a county and the form on which an
 * organisation proposes an entry. No page asks who the visitor is.
 */
@Controller
class HelpController {

	/** How many entries a search shows. */
	static final int SHOWN = 30;

	private final HelpDirectory directory;

	private final Places places;

	private final HelpCard card;

	private final RateLimits rateLimits;

	private final MessageSource messages;

	HelpController(HelpDirectory directory, Places places, HelpCard card, RateLimits rateLimits,
			MessageSource messages) {
		this.directory = directory;
		this.places = places;
		this.card = card;
		this.rateLimits = rateLimits;
		this.messages = messages;
	}

	@GetMapping("/help")
	String help(@RequestParam(required = false) @Nullable String zip,
			@RequestParam(required = false) @Nullable String county,
			@RequestParam(required = false) @Nullable String jail, HttpServletResponse response, Model model,
			Locale locale) {
		model.addAttribute("zip", (zip != null) ? zip.strip() : "");
		model.addAttribute("jail", (jail != null) ? jail.strip() : "");
		model.addAttribute("facilityNames", this.directory.facilityNames());
		Optional<HelpPlace> place = Optional.empty();
		if (zip != null && !zip.isBlank()) {
			place = HelpPlace.ofZip(zip, this.places);
			if (place.isEmpty()) {
				return refused("zipError", "help.error.zip", response, model, locale);
			}
		}
		else if (county != null && !county.isBlank()) {
			place = HelpPlace.ofCounty(county, this.places);
			if (place.isEmpty()) {
				return refused("zipError", "help.error.county", response, model, locale);
			}
		}
		if (place.isPresent()) {
			HelpPlace here = place.get();
			model.addAttribute("here", here);
			model.addAttribute("found",
					this.directory.near(here.latitude(), here.longitude(), here.county().fips(), SHOWN));
		}
		if (jail != null && !jail.isBlank()) {
			if (jail.strip().length() > HelpDirectory.MAX_FACILITY) {
				return refused("jailError", "help.error.jail", response, model, locale);
			}
			model.addAttribute("jailFound",
					this.directory.byFacility(jail)
						.stream()
						.map((entry) -> new HelpDirectory.Found(entry, null))
						.toList());
		}
		return "help/help";
	}

	private String refused(String attribute, String key, HttpServletResponse response, Model model, Locale locale) {
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		model.addAttribute(attribute, this.messages.getMessage(key, null, locale));
		return "help/help";
	}

	@GetMapping("/help/know-your-rights")
	String knowYourRights() {
		return "help/know-your-rights";
	}

	@GetMapping("/help/counties/{fips}/card.pdf")
	ResponseEntity<byte[]> card(@PathVariable String fips, @RequestParam(required = false) @Nullable String lang,
			Locale locale) {
		HelpPlace place = HelpPlace.ofCounty(fips, this.places)
			.orElseThrow(() -> Problem.notFound("help.error.county"));
		Locale language = language((lang != null) ? lang : locale.getLanguage());
		List<HelpDirectory.Found> found = this.directory.near(place.latitude(), place.longitude(),
				place.county().fips(), HelpApiController.MOST);
		byte[] pdf = this.card.pdf(place, found, language);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline()
						.filename("help-" + place.county().fips() + "-" + language.getLanguage() + ".pdf")
						.build()
						.toString())
			.body(pdf);
	}

	/** The choices of the entry form. */
	@ModelAttribute
	void choices(Model model) {
		model.addAttribute("helpKinds", HelpKind.values());
		model.addAttribute("helpCosts", HelpCost.values());
	}

	@GetMapping("/help/propose")
	String proposeForm(Model model) {
		model.addAttribute("form", HelpForm.empty());
		model.addAttribute("errors", Map.of());
		return "help/propose";
	}

	@PostMapping("/help/propose")
	String propose(@ModelAttribute("form") HelpForm form, HttpServletRequest request, HttpServletResponse response,
			Model model, Locale locale) {
		this.rateLimits.check("help-propose", request.getRemoteAddr(), null);
		// staff check the details before the entry is shown: the date is theirs to give
		HelpForm proposed = new HelpForm(form.name(), form.kind(), form.languages(), form.cost(), form.counties(),
				form.facilities(), form.phone(), form.email(), form.website(), form.address(), form.hoursEn(),
				form.hoursEs(), "");
		Map<String, String> errors = this.directory.problems(proposed, null, locale);
		if (!errors.isEmpty()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("form", proposed);
			model.addAttribute("errors", errors);
			return "help/propose";
		}
		this.directory.create(proposed, false, null, null);
		return "redirect:/help/propose/sent";
	}

	@GetMapping("/help/propose/sent")
	String proposed() {
		return "help/proposed";
	}

	static Locale language(@Nullable String code) {
		return "es".equals(code) ? Locale.forLanguageTag("es") : Locale.ENGLISH;
	}

}
