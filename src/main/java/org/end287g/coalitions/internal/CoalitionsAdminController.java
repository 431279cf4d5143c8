package org.end287g.coalitions.internal;

import java.util.List;
import java.util.Map;

import org.end287g.StaffQueue;
import org.end287g.problems.Problem;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff's page of organizations and letters ({@code /admin/**}: admins signed in with a
 * passkey): verify an organization, open its page's editor or a letter.
 */
@Controller
class CoalitionsAdminController implements StaffQueue {

	private final OrganizationPages pages;

	private final Letters letters;

	CoalitionsAdminController(OrganizationPages pages, Letters letters) {
		this.pages = pages;
		this.letters = letters;
	}

	@Override
	public List<StaffPage> pages() {
		return List.of(new StaffPage("coalitions.admin.title", "coalitions.admin.description", "/admin/coalitions"));
	}

	@GetMapping("/admin/coalitions")
	String page(Model model) {
		List<Letter> all = this.letters.all();
		Map<Long, Long> counts = this.letters.counts(all);
		model.addAttribute("organizations", this.pages.all());
		model.addAttribute("letters", all);
		model.addAttribute("counts", counts);
		return "coalitions/admin";
	}

	@PostMapping("/admin/coalitions/organizations/{id}/verify")
	String verify(@PathVariable String id, Authentication authentication, RedirectAttributes redirect) {
		this.pages.verify(organization(id).id(), "STAFF", authentication.getName());
		redirect.addFlashAttribute("notice", "coalitions.admin.verified");
		return "redirect:/admin/coalitions";
	}

	@PostMapping("/admin/coalitions/organizations/{id}/unverify")
	String unverify(@PathVariable String id, Authentication authentication, RedirectAttributes redirect) {
		this.pages.unverify(organization(id).id(), authentication.getName(), "staff");
		redirect.addFlashAttribute("notice", "coalitions.admin.unverified");
		return "redirect:/admin/coalitions";
	}

	private OrganizationPage organization(String id) {
		long number = Slugs.organizationId(id);
		return ((number < 0) ? java.util.Optional.<OrganizationPage>empty() : this.pages.byId(number))
			.orElseThrow(() -> Problem.notFound("coalitions.error.organization.unknown"));
	}

}
