package org.end287g.toolkit.internal;

import java.util.List;
import java.util.Locale;

import org.end287g.campaigns.Campaign;
import org.end287g.campaigns.CampaignPageContributor;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The toolkit's part of the public campaign page: share links, the QR code, the printed
 * materials, and the Open Graph and social card tags the layout writes into the head.
 */
@Component
class SharePageContributor implements CampaignPageContributor {

	private final CampaignFacts facts;

	private final ShareMessages shareMessages;

	private final MessageSource messages;

	SharePageContributor(CampaignFacts facts, ShareMessages shareMessages, MessageSource messages) {
		this.facts = facts;
		this.shareMessages = shareMessages;
		this.messages = messages;
	}

	/**
	 * Makes the request's CSRF token now. Spring Security makes it when the signing form
	 * first asks for it; by then the head (with this part's card tags) and a long
	 * petition may have filled the response buffer and sent it, too late for the token's
	 * cookie.
	 */
	private static void csrfTokenBeforeRendering() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
				&& attributes.getRequest().getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
			token.getToken();
		}
	}

	/** What the layout writes as Open Graph and Twitter card tags. */
	record SocialCard(String title, String description, String url, String image, String imageAlt, String locale) {
	}

	@Override
	public void contribute(Campaign campaign, Model model) {
		csrfTokenBeforeRendering();
		CampaignFacts.Facts facts = this.facts.of(campaign);
		Locale language = MaterialsController.language(null);
		ShareMessages.Texts texts = this.shareMessages.of(facts, language);
		List<ShareLinks.Link> links = ShareLinks.links(channel -> facts.url() + "?ref=" + channel, texts.social(),
				texts.sms(), texts.subject(), texts.body());
		model.addAttribute("shareLinks", links);
		String lang = language.getLanguage();
		model.addAttribute("materialsLanguage", lang);
		String imageAlt = this.messages.getMessage("toolkit.image.alt",
				new Object[] { facts.agency(), facts.count(), campaign.goal() }, language);
		model.addAttribute("socialCard",
				new SocialCard(
						this.messages.getMessage("toolkit.image.title", new Object[] { facts.agency() }, language),
						texts.social(), facts.url(), facts.url() + "/share.png?lang=" + lang, imageAlt,
						"es".equals(lang) ? "es_US" : "en_US"));
	}

}
