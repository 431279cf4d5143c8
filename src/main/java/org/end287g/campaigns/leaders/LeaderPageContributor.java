package org.end287g.campaigns.leaders;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.end287g.accounts.AccountDirectory;
import org.end287g.campaigns.Campaign;
import org.end287g.campaigns.CampaignPageContributor;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The leaders' parts of the public campaign page: its leaders as "Ana R." (first name and
 * the initial of the last; or the call to become one), the leaders' petition text in
 * paragraphs, and their updates.
 */
@Component
class LeaderPageContributor implements CampaignPageContributor {

	private final AccountDirectory directory;

	private final CampaignUpdates updates;

	LeaderPageContributor(AccountDirectory directory, CampaignUpdates updates) {
		this.directory = directory;
		this.updates = updates;
	}

	@Override
	public void contribute(Campaign campaign, Model model, Locale locale) {
		model.addAttribute("leaderNames",
				this.directory.leadersOf(campaign.id())
					.stream()
					.map(AccountDirectory.Recipient::name)
					.filter(Objects::nonNull)
					.map(LeaderPageContributor::shortName)
					.filter((name) -> !name.isEmpty())
					.toList());
		model.addAttribute("petitionParagraphs", paragraphs(campaign.petitionText()));
		model.addAttribute("campaignUpdates", this.updates.of(campaign.id()));
	}

	/**
	 * The first word and the initial of the last: "Ana L." for "Ana María López", "María
	 * R." for "María José Rodríguez"; a single name stays as it is.
	 */
	static String shortName(String name) {
		String[] words = name.strip().split("\\s+");
		if (words.length < 2) {
			return words[0];
		}
		String last = words[words.length - 1];
		return words[0] + " " + new String(Character.toChars(Character.toUpperCase(last.codePointAt(0)))) + ".";
	}

	/** A text's paragraphs (separated by blank lines); empty for no text. */
	static List<String> paragraphs(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		return Arrays.stream(text.split("\\n\\s*\\n")).map(String::strip).filter((p) -> !p.isEmpty()).toList();
	}

}
