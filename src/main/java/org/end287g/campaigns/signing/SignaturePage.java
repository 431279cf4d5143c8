package org.end287g.campaigns.signing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.end287g.campaigns.Campaign;
import org.end287g.campaigns.CampaignPageContributor;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The signatures part of the campaign page: the form while the campaign gathers
 * signatures, the newest public signers (with how long ago they signed) and comments.
 */
@Component
class SignaturePage implements CampaignPageContributor {

	private final SignatureWall wall;

	private final Clock clock;

	SignaturePage(SignatureWall wall, ObjectProvider<Clock> clock) {
		this.wall = wall;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/**
	 * A public signer as the page lists them: "María G., Gastonia · 2 h ago", the time as
	 * a message key ({@code signatures.ago.*}) and its number.
	 */
	record ShownSigner(@Nullable String name, @Nullable String city, String agoKey, long ago) {
	}

	@Override
	public void contribute(Campaign campaign, Model model, Locale locale) {
		if (!model.containsAttribute(Signer.FORM)) {
			model.addAttribute(Signer.FORM, SignatureForm.EMPTY);
		}
		model.addAttribute("signing", campaign.gathering());
		SignatureWall.Wall shown = this.wall.of(campaign.id());
		Instant now = this.clock.instant();
		model.addAttribute("publicSigners", shown.signers().stream().map((signer) -> shown(signer, now)).toList());
		model.addAttribute("signatureComments", shown.comments());
	}

	static ShownSigner shown(SignatureWall.Signer signer, Instant now) {
		Instant at = signer.confirmedAt();
		Duration ago = (at != null) ? Duration.between(at, now) : Duration.ZERO;
		if (ago.toMinutes() < 1) {
			return new ShownSigner(signer.name(), signer.city(), "signatures.ago.now", 0);
		}
		if (ago.toHours() < 1) {
			return new ShownSigner(signer.name(), signer.city(), "signatures.ago.minutes", ago.toMinutes());
		}
		if (ago.toHours() < 48) {
			return new ShownSigner(signer.name(), signer.city(), "signatures.ago.hours", ago.toHours());
		}
		return new ShownSigner(signer.name(), signer.city(), "signatures.ago.days", ago.toDays());
	}

}
