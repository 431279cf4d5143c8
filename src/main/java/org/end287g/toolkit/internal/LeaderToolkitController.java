package org.end287g.toolkit.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.end287g.campaigns.CampaignCounts;
import org.end287g.problems.Problem;
import org.end287g.validation.PlainText;
import org.end287g.validation.ShownBack;
import org.end287g.validation.TypedText;
import org.jspecify.annotations.Nullable;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A leader's sharing page for one campaign: share links that carry a referral code per
 * channel, how many signatures each channel brought, the share messages in English and
 * Spanish to edit, and the printed materials. Only the campaign's leaders and staff reach
 * it; for anyone else the campaign is "not found" (see {@code CampaignFacts.led}).
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

	/**
	 * The share messages of one language as a leader edits them; {@code action} is
	 * {@code defaults} to go back to the site's.
	 */
	record MessagesForm(String language, @Nullable String action,
			@PlainText(max = ShareMessages.MAX_SOCIAL, multiline = true, visibleOnly = true, codePoints = true,
					required = "{toolkit.error.social.required}", tooLong = "{toolkit.error.social.long}",
					message = "{toolkit.error.hidden}") String social,
			@PlainText(max = ShareMessages.MAX_SMS, multiline = true, visibleOnly = true, codePoints = true,
					required = "{toolkit.error.sms.required}", tooLong = "{toolkit.error.sms.long}",
					message = "{toolkit.error.hidden}") String sms,
			@PlainText(max = ShareMessages.MAX_SUBJECT, visibleOnly = true, codePoints = true,
					required = "{toolkit.error.subject.required}", tooLong = "{toolkit.error.subject.long}",
					lineBreak = "{toolkit.error.subject.lines}", message = "{toolkit.error.hidden}") String subject,
			@PlainText(max = ShareMessages.MAX_BODY, multiline = true, visibleOnly = true, codePoints = true,
					required = "{toolkit.error.body.required}", tooLong = "{toolkit.error.body.long}",
					message = "{toolkit.error.hidden}") String body) {

		MessagesForm {
			language = TypedText.line(language);
			social = TypedText.lines(social);
			sms = TypedText.lines(sms);
			subject = TypedText.lines(subject);
			body = TypedText.lines(body);
		}

		ShareMessages.Texts texts() {
			return new ShareMessages.Texts(this.social, this.sms, this.subject, this.body);
		}

	}

	@GetMapping("/leader/campaigns/{id}/toolkit")
	String page(Authentication authentication, @PathVariable String id, Model model, Locale locale) {
		CampaignFacts.Facts facts = this.facts.led(authentication, id);
		return show(facts, model, null, null);
	}

	@PostMapping("/leader/campaigns/{id}/toolkit/messages")
	String messages(Authentication authentication, @PathVariable String id,
			@ModelAttribute("form") @Valid MessagesForm form, BindingResult result, HttpServletResponse response,
			Model model, RedirectAttributes redirect) {
		CampaignFacts.Facts facts = this.facts.led(authentication, id);
		String language = form.language();
		if (!LANGUAGES.contains(language)) {
			throw Problem.badRequest("toolkit.error.language");
		}
		long campaignId = facts.campaign().id();
		if ("defaults".equals(form.action())) {
			this.shareMessages.reset(authentication.getName(), campaignId, language);
			redirect.addFlashAttribute("notice", "toolkit.messages.reset");
			return "redirect:/leader/campaigns/" + campaignId + "/toolkit#messages-" + language;
		}
		if (result.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			ShownBack.into(model, result);
			return show(facts, model, language, ShownBack.of(form).texts());
		}
		this.shareMessages.save(authentication.getName(), campaignId, language, form.texts());
		redirect.addFlashAttribute("notice", "toolkit.messages.saved");
		return "redirect:/leader/campaigns/" + campaignId + "/toolkit#messages-" + language;
	}

	/**
	 * The page, with the messages as typed in {@code errorLanguage} when they had errors.
	 */
	private String show(CampaignFacts.Facts facts, Model model, @Nullable String errorLanguage,
			ShareMessages.@Nullable Texts typed) {
		Locale page = MaterialLanguage.of(null, LocaleContextHolder.getLocale());
		ShareMessages.Texts current = this.shareMessages.of(facts, page);
		model.addAttribute("facts", facts);
		model.addAttribute("record", facts.campaign());
		model.addAttribute("shareLinks", ShareLinks.links((channel) -> facts.url() + "?ref=" + channel,
				current.social(), current.sms(), current.subject(), current.body()));
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
		model.addAttribute("referrals", referrals(facts.campaign().id()));
		model.addAttribute("pageLanguage", page.getLanguage());
		return "toolkit/leader";
	}

	/**
	 * Every channel with its signatures, then the QR codes of the page and the printed
	 * materials, then codes the site no longer offers, then none.
	 */
	private List<Referral> referrals(long campaignId) {
		Map<String, Long> counted = new LinkedHashMap<>(this.counts.byReferral(campaignId));
		List<Referral> referrals = new ArrayList<>();
		for (String channel : Stream.concat(ShareLinks.CHANNELS.stream(), PrintedMaterials.REFERRALS.stream())
			.toList()) {
			referrals.add(new Referral(channel, counted.getOrDefault(channel, 0L)));
			counted.remove(channel);
		}
		long other = counted.entrySet()
			.stream()
			.filter((e) -> !e.getKey().isEmpty())
			.mapToLong(Map.Entry::getValue)
			.sum();
		referrals.add(new Referral("other", other));
		referrals.add(new Referral("", counted.getOrDefault("", 0L)));
		return referrals;
	}

}
