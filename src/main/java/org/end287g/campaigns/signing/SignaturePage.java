package org.end287g.campaigns.signing;

import java.util.Locale;

import org.end287g.campaigns.Campaign;
import org.end287g.campaigns.CampaignPageContributor;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The signatures part of the campaign page: the form while the campaign gathers
 * signatures, the newest public signers and comments.
 */
@Component
class SignaturePage implements CampaignPageContributor {

	private final SignatureWall wall;

	SignaturePage(SignatureWall wall) {
		this.wall = wall;
	}

	@Override
	public void contribute(Campaign campaign, Model model, Locale locale) {
		if (!model.containsAttribute(Signer.FORM)) {
			model.addAttribute(Signer.FORM, SignatureForm.EMPTY);
		}
		model.addAttribute("signing", campaign.gathering());
		SignatureWall.Wall shown = this.wall.of(campaign.id());
		model.addAttribute("publicSigners", shown.signers());
		model.addAttribute("signatureComments", shown.comments());
	}

}
