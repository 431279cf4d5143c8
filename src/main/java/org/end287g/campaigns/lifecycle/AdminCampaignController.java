package org.end287g.campaigns.lifecycle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.end287g.accounts.OrganizationDirectory;
import org.end287g.campaigns.Campaign;
import org.end287g.campaigns.CampaignStatus;
import org.end287g.campaigns.Campaigns;
import org.end287g.campaigns.partners.CampaignPartners;
import org.end287g.campaigns.signing.SignatureCounts;
import org.end287g.places.Places;
import org.end287g.problems.Problem;
import org.end287g.validation.ShownBack;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff pages of campaigns (under /admin, so admins with a passkey only): the list with
 * filters, the target's contacts and the close.
 */
@Controller
class AdminCampaignController {

	private static final int LIMIT = 500;

	private final Campaigns campaigns;

	private final CampaignStaff staff;

	private final SignatureCounts counts;

	private final Places places;

	private final JdbcClient jdbc;

	private final CampaignPartners partners;

	private final OrganizationDirectory organizations;

	AdminCampaignController(Campaigns campaigns, CampaignStaff staff, SignatureCounts counts, Places places,
			JdbcClient jdbc, CampaignPartners partners, OrganizationDirectory organizations) {
		this.partners = partners;
		this.organizations = organizations;
		this.campaigns = campaigns;
		this.staff = staff;
		this.counts = counts;
		this.places = places;
		this.jdbc = jdbc;
	}

	@GetMapping("/admin/campaigns")
	String list(@RequestParam(required = false) @Nullable String state,
			@RequestParam(required = false) @Nullable String status, Model model) {
		String chosenState = null;
		if (state != null && !state.isBlank()) {
			chosenState = (state.length() == 2)
					? this.places.state(state.toUpperCase(Locale.ROOT)).map((s) -> s.code()).orElse(null) : null;
		}
		CampaignStatus chosenStatus = Arrays.stream(CampaignStatus.values())
			.filter((s) -> s.name().equals(status))
			.findFirst()
			.orElse(null);
		StringBuilder sql = new StringBuilder("select id, slug, state, title, goal, status from campaigns where 1 = 1");
		List<Object> params = new ArrayList<>();
		if (chosenState != null) {
			sql.append(" and state = ?");
			params.add(chosenState);
		}
		if (chosenStatus != null) {
			sql.append(" and status = ?");
			params.add(chosenStatus.name());
		}
		sql.append(" order by state, title, id limit ").append(LIMIT + 1);
		Map<Long, Long> counted = this.counts.all();
		List<Row> rows = this.jdbc.sql(sql.toString())
			.params(params)
			.query((rs, n) -> new Row(rs.getString("slug"), rs.getString("state"), rs.getString("title"),
					rs.getInt("goal"), CampaignStatus.valueOf(rs.getString("status")),
					counted.getOrDefault(rs.getLong("id"), 0L)))
			.list();
		model.addAttribute("states", this.places.states());
		model.addAttribute("statuses", List.of(CampaignStatus.values()));
		model.addAttribute("state", chosenState);
		model.addAttribute("status", chosenStatus);
		model.addAttribute("more", rows.size() > LIMIT);
		model.addAttribute("rows", rows.subList(0, Math.min(LIMIT, rows.size())));
		return "campaigns/admin/list";
	}

	record Row(String slug, String state, String title, int goal, CampaignStatus status, long signatures) {
	}

	@GetMapping("/admin/campaigns/{slug}")
	String campaign(@PathVariable String slug, Model model) {
		Campaign campaign = find(slug);
		return page(model, campaign);
	}

	@PostMapping("/admin/campaigns/{slug}/target")
	String target(@PathVariable String slug, @ModelAttribute("targetForm") @Valid CampaignStaff.TargetForm form,
			BindingResult result, Authentication authentication, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		Campaign campaign = find(slug);
		if (result.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			ShownBack.into(model, result);
			return page(model, campaign);
		}
		this.staff.updateTarget(campaign, form.head(), authentication.getName());
		redirect.addFlashAttribute("notice", "staff.target.saved");
		return "redirect:/admin/campaigns/" + campaign.slug();
	}

	@PostMapping("/admin/campaigns/{slug}/close")
	String close(@PathVariable String slug, @ModelAttribute("closeForm") @Valid CampaignStaff.CloseForm form,
			BindingResult result, Authentication authentication, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		Campaign campaign = find(slug);
		form.requireNote(result);
		if (!result.hasErrors() && "CONFIRM".equals(form.outcome())
				&& campaign.status() != CampaignStatus.POSSIBLE_WIN) {
			result.rejectValue("outcome", "staff.close.notPossibleWin");
		}
		if (!result.hasErrors() && (!campaign.gathering() || !this.staff.close(campaign, form.outcome(),
				form.note().isEmpty() ? null : form.note(), authentication.getName()))) {
			result.rejectValue("outcome", "staff.close.closed");
		}
		if (result.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			ShownBack.into(model, result);
			return page(model, campaign);
		}
		redirect.addFlashAttribute("notice", "staff.close.done");
		return "redirect:/admin/campaigns/" + campaign.slug();
	}

	private Campaign find(String slug) {
		return this.campaigns.find(slug).orElseThrow(() -> Problem.notFound("campaigns.error.unknown"));
	}

	/** The staff page of a campaign, with its forms as stored unless typed. */
	private String page(Model model, Campaign campaign) {
		model.addAttribute("record", campaign);
		model.addAttribute("signatures", this.counts.count(campaign.id()));
		model.addAttribute("titles", List.of("SHERIFF", "CHIEF", "DIRECTOR", "OTHER"));
		model.addAttribute("organizations", this.organizations.all());
		model.addAttribute("partnerIds", this.partners.idsOf(campaign.id()));
		model.addAttribute("proposal", this.jdbc.sql(
				"select proposed_outcome, proposed_note, proposed_at from campaigns where id = ? and proposed_outcome is not null")
			.param(campaign.id())
			.query((rs, n) -> new Proposal(rs.getString(1), rs.getString(2),
					rs.getObject(3, java.time.OffsetDateTime.class)))
			.optional()
			.orElse(null));
		if (!model.containsAttribute("targetForm")) {
			model.addAttribute("targetForm", CampaignStaff.TargetForm.of(campaign.head()));
		}
		if (!model.containsAttribute("closeForm")) {
			model.addAttribute("closeForm", new CampaignStaff.CloseForm("", ""));
		}
		return "campaigns/admin/campaign";
	}

	/** The outcome a leader proposed. */
	record Proposal(String outcome, @Nullable String note, java.time.OffsetDateTime at) {
	}

}
