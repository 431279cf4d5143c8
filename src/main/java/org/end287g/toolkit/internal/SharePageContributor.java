package org.end287g.toolkit.internal;

import java.util.List;
import java.util.Locale;

import org.end287g.campaigns.Campaign;
import org.end287g.campaigns.CampaignPageContributor;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

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

	/** What the layout writes as Open Graph and Twitter card tags. */
	record SocialCard(String title, String description, String url, String image, String imageAlt, String locale) {
	}

	@Override
	public void contribute(Campaign campaign, Model model, Locale locale) {
		CampaignFacts.Facts facts = this.facts.of(campaign);
		Locale language = MaterialLanguage.of(null, locale);
		ShareMessages.Texts texts = shareLinks(facts, language, model);
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

	/** After signing and confirming: the same share links, the moment people share. */
	@Override
	public void afterSigning(Campaign campaign, Model model, Locale locale) {
		shareLinks(this.facts.of(campaign), MaterialLanguage.of(null, locale), model);
	}

	/**
	 * Adds the share links, each carrying its channel as referral code ({@code ?ref=}).
	 */
	private ShareMessages.Texts shareLinks(CampaignFacts.Facts facts, Locale language, Model model) {
		ShareMessages.Texts texts = this.shareMessages.of(facts, language);
		List<ShareLinks.Link> links = ShareLinks.links((channel) -> facts.url() + "?ref=" + channel, texts.social(),
				texts.sms(), texts.subject(), texts.body());
		model.addAttribute("shareLinks", links);
		return texts;
	}

}
