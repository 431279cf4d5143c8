package org.end287g.coalitions.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.end287g.accounts.Permissions;
import org.end287g.campaigns.Campaign;
import org.end287g.campaigns.Campaigns;
import org.end287g.problems.Problem;
import org.end287g.site.SafeMarkdown;
import org.end287g.validation.ShownBack;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A letter's public page, its PDF and open data, and the signature of an organization by
 * one of its organizers (signed in: {@code /letters/{slug}/sign} is restricted).
 */
@Controller
class LetterController {

	private final Letters letters;

	private final Campaigns campaigns;

	private final Permissions permissions;

	private final OrganizationPages organizations;

	private final LetterPdf pdf;

	LetterController(Letters letters, Campaigns campaigns, Permissions permissions, OrganizationPages organizations,
			LetterPdf pdf) {
		this.letters = letters;
		this.campaigns = campaigns;
		this.permissions = permissions;
		this.organizations = organizations;
		this.pdf = pdf;
	}

	@GetMapping("/letters/{slug}")
	String page(@PathVariable String slug, @Nullable Authentication authentication, Locale locale, Model model) {
		Letter letter = shown(slug);
		Campaign campaign = this.campaigns.byId(letter.campaignId())
			.orElseThrow(() -> Problem.notFound("coalitions.error.letter.unknown"));
		model.addAttribute("letter", letter);
		model.addAttribute("campaign", campaign);
		model.addAttribute("letterTitle", letter.title(locale));
		model.addAttribute("language", letter.language(locale));
		model.addAttribute("body", SafeMarkdown.html(letter.body(locale), 2, SafeMarkdown.Author.PUBLIC));
		List<Letters.Signature> signatures = this.letters.signatures(letter.id());
		model.addAttribute("signatures", signatures);
		model.addAttribute("signable", signable(letter, authentication));
		if (!model.containsAttribute("signForm")) {
			model.addAttribute("signForm", new LetterForms.SignForm("", "", ""));
		}
		return "coalitions/letter";
	}

	@PostMapping("/letters/{slug}/sign")
	String sign(@PathVariable String slug, @ModelAttribute("signForm") @Valid LetterForms.SignForm form,
			BindingResult result, Authentication authentication, Locale locale, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Letter letter = shown(slug);
		long organization = organization(form.organization(), authentication);
		if (organization < 0) {
			result.rejectValue("organization", "coalitions.error.organization");
		}
		if (!letter.open()) {
			result.reject("coalitions.error.letter.closed");
		}
		if (!result.hasErrors()) {
			Letters.Signed signed = this.letters.sign(letter.id(), organization, form.signerName(),
					form.signerTitle().isEmpty() ? null : form.signerTitle(), authentication.getName());
			if (signed == Letters.Signed.SIGNED) {
				redirect.addFlashAttribute("notice", "coalitions.signed");
				return "redirect:/letters/" + letter.slug();
			}
			result.reject((signed == Letters.Signed.ALREADY) ? "coalitions.error.signed.already"
					: "coalitions.error.letter.closed");
		}
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		ShownBack.into(model, result);
		return page(slug, authentication, locale, model);
	}

	@GetMapping("/letters/{slug}.pdf")
	ResponseEntity<byte[]> pdf(@PathVariable String slug, Locale locale) {
		Letter letter = shown(slug);
		byte[] body = this.pdf.pdf(letter, this.letters.signatures(letter.id()), locale);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename(letter.slug() + ".pdf").build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-cache")
			.body(body);
	}

	/** The open and closed letters of a campaign as open data. */
	@GetMapping(path = "/api/v1/letters", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	List<Map<String, Object>> api(@RequestParam(required = false) @Nullable String campaign, Locale locale) {
		if (campaign == null || campaign.isBlank()) {
			throw Problem.badRequest("coalitions.error.api.campaign");
		}
		Campaign found = this.campaigns.find(campaign).orElseThrow(() -> Problem.notFound("campaigns.error.unknown"));
		List<Map<String, Object>> list = new ArrayList<>();
		for (Letter letter : this.letters.publicOfCampaign(found.id())) {
			List<Letters.Signature> signatures = this.letters.signatures(letter.id());
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("slug", letter.slug());
			item.put("title", letter.title(locale));
			item.put("target", Map.of("name", letter.targetName()));
			item.put("signers", signatures.size());
			item.put("organisations",
					signatures.stream().map((s) -> Map.of("name", (Object) s.organization())).toList());
			list.add(item);
		}
		return list;
	}

	/** An open or closed letter; drafts are found by no one here. */
	private Letter shown(String slug) {
		return this.letters.bySlug(slug)
			.filter((letter) -> !letter.draft())
			.orElseThrow(() -> Problem.notFound("coalitions.error.letter.unknown"));
	}

	/**
	 * The organizations the signed-in person may sign the open letter for (theirs that
	 * have not signed), by name.
	 */
	private List<OrganizationPage> signable(Letter letter, @Nullable Authentication authentication) {
		if (authentication == null || !letter.open()) {
			return List.of();
		}
		Set<Long> mine = this.permissions.organizationsOf(authentication);
		List<Long> signed = this.letters.signedAmong(letter.id(), mine);
		return mine.stream()
			.filter((id) -> !signed.contains(id))
			.map(this.organizations::byId)
			.flatMap(java.util.Optional::stream)
			.toList();
	}

	/** The organization's id when the person organizes it, else -1. */
	private long organization(String value, Authentication authentication) {
		try {
			long id = Long.parseLong(value);
			return this.permissions.organizes(authentication, id) ? id : -1;
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

}
