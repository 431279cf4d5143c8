package org.end287g.toolkit.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.end287g.campaigns.CampaignCounts;
import org.end287g.problems.Problem;

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
 * A leader's sharing page for one campaign: share links that carry a referral code per
 * channel, how many signatures each channel brought, the share messages in English and
 * Spanish to edit, and the printed materials. Only the campaign's leaders and admins
 * reach it; for anyone else the campaign is "not found".
 */
@Controller
class LeaderToolkitController {

	static final List<String> LANGUAGES = List.of("en", "es");

	private final CampaignFacts facts;

	private final ShareMessages shareMessages;

	private final CampaignCounts counts;

	LeaderToolkitController(CampaignFacts facts, ShareMessages shareMessages, CampaignCounts counts) {
		this.facts = facts;
		this.shareMessages = shareMessages;
		this.counts = counts;
	}

	/** Signatures that came by one channel; {@code channel} empty for none. */
	record Referral(String channel, long signatures) {
	}

	@GetMapping("/leader/campaigns/{id}/toolkit")
	String page(Authentication authentication, @PathVariable String id, Model model, Locale locale) {
		CampaignFacts.Facts facts = this.facts.led(authentication, id);
		return show(facts, model, locale, null, Map.of(), null);
	}

	@PostMapping("/leader/campaigns/{id}/toolkit/messages")
	String messages(Authentication authentication, @PathVariable String id, @RequestParam Map<String, String> params,
			HttpServletResponse response, Model model, Locale locale, RedirectAttributes redirect) {
		CampaignFacts.Facts facts = this.facts.led(authentication, id);
		String language = params.get("language");
		if (!LANGUAGES.contains(language)) {
			throw Problem.badRequest("toolkit.error.language");
		}
		long campaignId = facts.campaign().id();
		if ("defaults".equals(params.get("action"))) {
			this.shareMessages.reset(authentication.getName(), campaignId, language);
			redirect.addFlashAttribute("notice", "toolkit.messages.reset");
			return "redirect:/leader/campaigns/" + campaignId + "/toolkit#messages-" + language;
		}
		ShareMessages.Texts texts = new ShareMessages.Texts(ShareMessages.clean(params.get("social")),
				ShareMessages.clean(params.get("sms")), ShareMessages.clean(params.get("subject")),
				ShareMessages.clean(params.get("body")));
		Map<String, String> errors = ShareMessages.errors(texts);
		if (!errors.isEmpty()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			ShareMessages.Texts shownBack = new ShareMessages.Texts(shorter(texts.social(), ShareMessages.MAX_SOCIAL),
					shorter(texts.sms(), ShareMessages.MAX_SMS), shorter(texts.subject(), ShareMessages.MAX_SUBJECT),
					shorter(texts.body(), ShareMessages.MAX_BODY));
			return show(facts, model, locale, language, errors, shownBack);
		}
		this.shareMessages.save(authentication.getName(), campaignId, language, texts);
		redirect.addFlashAttribute("notice", "toolkit.messages.saved");
		return "redirect:/leader/campaigns/" + campaignId + "/toolkit#messages-" + language;
	}

	private String show(CampaignFacts.Facts facts, Model model, Locale locale, String errorLanguage,
			Map<String, String> errors, ShareMessages.Texts typed) {
		Locale page = MaterialLanguage.of(null, locale);
		ShareMessages.Texts current = this.shareMessages.of(facts, page);
		model.addAttribute("facts", facts);
		model.addAttribute("record", facts.campaign());
		model.addAttribute("shareLinks", ShareLinks.links(channel -> facts.url() + "?ref=" + channel, current.social(),
				current.sms(), current.subject(), current.body()));
		Map<String, ShareMessages.Texts> forms = new LinkedHashMap<>();
		Map<String, Boolean> edited = new LinkedHashMap<>();
		for (String language : LANGUAGES) {
			edited.put(language, this.shareMessages.edited(facts.campaign().id(), language).isPresent());
			forms.put(language, language.equals(errorLanguage) ? typed
					: this.shareMessages.of(facts, Locale.forLanguageTag(language)));
		}
		model.addAttribute("forms", forms);
		model.addAttribute("edited", edited);
		model.addAttribute("errorLanguage", errorLanguage);
		model.addAttribute("errors", errors);
		model.addAttribute("referrals", referrals(facts.campaign().id()));
		model.addAttribute("pageLanguage", page.getLanguage());
		return "toolkit/leader";
	}

	/**
	 * Every channel with its signatures, then codes the site no longer offers, then none.
	 */
	private List<Referral> referrals(long campaignId) {
		Map<String, Long> counted = new LinkedHashMap<>(this.counts.byReferral(campaignId));
		List<Referral> referrals = new ArrayList<>();
		for (String channel : ShareLinks.CHANNELS) {
			referrals.add(new Referral(channel, counted.getOrDefault(channel, 0L)));
			counted.remove(channel);
		}
		long other = counted.entrySet()
			.stream()
			.filter(e -> !e.getKey().isEmpty())
			.mapToLong(Map.Entry::getValue)
			.sum();
		referrals.add(new Referral("other", other));
		referrals.add(new Referral("", counted.getOrDefault("", 0L)));
		return referrals;
	}

	private static String shorter(String value, int max) {
		return (value.length() > max * 2) ? value.substring(0, max * 2) : value;
	}

}
