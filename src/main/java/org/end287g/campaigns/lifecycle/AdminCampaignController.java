package org.end287g.campaigns.lifecycle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.end287g.campaigns.Campaign;
import org.end287g.campaigns.CampaignStatus;
import org.end287g.campaigns.Campaigns;
import org.end287g.campaigns.pages.Fields;
import org.end287g.campaigns.signing.SignatureCounts;
import org.end287g.places.Places;
import org.end287g.problems.Problem;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

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

	AdminCampaignController(Campaigns campaigns, CampaignStaff staff, SignatureCounts counts, Places places,
			JdbcClient jdbc) {
		this.campaigns = campaigns;
		this.staff = staff;
		this.counts = counts;
		this.places = places;
		this.jdbc = jdbc;
	}

	@GetMapping("/admin/campaigns")
	String list(@RequestParam(required = false) String state, @RequestParam(required = false) String status,
			Model model) {
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
		fill(model, campaign);
		model.addAttribute("head", campaign.head());
		return "campaigns/admin/campaign";
	}

	@PostMapping("/admin/campaigns/{slug}/target")
	String target(@PathVariable String slug, @RequestParam(required = false) String headTitle,
			@RequestParam(required = false) String headName, @RequestParam(required = false) String phone,
			@RequestParam(required = false) String email, @RequestParam(required = false) String address,
			@RequestParam(required = false) String url, Authentication authentication, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Campaign campaign = find(slug);
		CampaignStaff.TargetForm form = CampaignStaff.check(headTitle, headName, phone, email, address, url);
		if (!form.errors().isEmpty()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			fill(model, campaign);
			model.addAttribute("head", new Campaign.Head(headTitle, headName, phone, email, address, url));
			model.addAttribute("targetErrors", form.errors());
			return "campaigns/admin/campaign";
		}
		this.staff.updateTarget(campaign, form.head(), authentication.getName());
		redirect.addFlashAttribute("notice", "staff.target.saved");
		return "redirect:/admin/campaigns/" + campaign.slug();
	}

	@PostMapping("/admin/campaigns/{slug}/close")
	String close(@PathVariable String slug, @RequestParam(required = false) String outcome,
			@RequestParam(required = false) String note, Authentication authentication, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Campaign campaign = find(slug);
		Map<String, String> errors = new LinkedHashMap<>();
		if (!Set.of("CONFIRM", "WON", "LOST").contains(String.valueOf(outcome))) {
			errors.put("outcome", "staff.error.choice");
		}
		String checked = Fields.text("note", note, CampaignLifecycle.MAX_NOTE, !"CONFIRM".equals(outcome), true,
				errors);
		if (errors.isEmpty() && "CONFIRM".equals(outcome) && campaign.status() != CampaignStatus.POSSIBLE_WIN) {
			errors.put("outcome", "staff.close.notPossibleWin");
		}
		if (errors.isEmpty() && !campaign.gathering()) {
			errors.put("outcome", "staff.close.closed");
		}
		if (errors.isEmpty() && !this.staff.close(campaign, outcome, checked, authentication.getName())) {
			errors.put("outcome", "staff.close.closed");
		}
		if (!errors.isEmpty()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			fill(model, campaign);
			model.addAttribute("head", campaign.head());
			model.addAttribute("closeErrors", errors);
			model.addAttribute("note", note);
			model.addAttribute("outcome", outcome);
			return "campaigns/admin/campaign";
		}
		redirect.addFlashAttribute("notice", "staff.close.done");
		return "redirect:/admin/campaigns/" + campaign.slug();
	}

	private Campaign find(String slug) {
		return this.campaigns.find(slug).orElseThrow(() -> Problem.notFound("campaigns.error.unknown"));
	}

	private void fill(Model model, Campaign campaign) {
		model.addAttribute("record", campaign);
		model.addAttribute("signatures", this.counts.count(campaign.id()));
		model.addAttribute("titles", List.of("SHERIFF", "CHIEF", "DIRECTOR", "OTHER"));
		model.addAttribute("proposal", this.jdbc.sql(
				"select proposed_outcome, proposed_note, proposed_at from campaigns where id = ? and proposed_outcome is not null")
			.param(campaign.id())
			.query((rs, n) -> new Proposal(rs.getString(1), rs.getString(2),
					rs.getObject(3, java.time.OffsetDateTime.class)))
			.optional()
			.orElse(null));
		if (!model.containsAttribute("targetErrors")) {
			model.addAttribute("targetErrors", Map.of());
		}
		if (!model.containsAttribute("closeErrors")) {
			model.addAttribute("closeErrors", Map.of());
		}
	}

	/** The outcome a leader proposed. */
	record Proposal(String outcome, String note, java.time.OffsetDateTime at) {
	}

}
