package org.end287g.help.internal;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.end287g.accounts.Permissions;
import org.end287g.coalitions.OrganizationProfiles;
import org.end287g.privacy.RateLimits;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An organiser of an organisation in the coalition directory proposes a help entry in its
 * name ({@code /organizer/**}: signed in): the form starts from the organisation's name
 * and website, and the proposal records the organisation, so staff see who vouches for
 * it. Only the organisation's own organisers may; anyone else gets the same "not found"
 * whether the organisation exists or not, and nothing is stored.
 */
@Controller
class OrganizationProposalController {

	private final HelpDirectory directory;

	private final Permissions permissions;

	private final OrganizationProfiles organizations;

	private final RateLimits rateLimits;

	OrganizationProposalController(HelpDirectory directory, Permissions permissions, OrganizationProfiles organizations,
			RateLimits rateLimits) {
		this.directory = directory;
		this.permissions = permissions;
		this.organizations = organizations;
		this.rateLimits = rateLimits;
	}

	/** The choices of the entry form. */
	@ModelAttribute
	void choices(Model model) {
		model.addAttribute("helpKinds", HelpKind.values());
		model.addAttribute("helpCosts", HelpCost.values());
	}

	@GetMapping("/organizer/organizations/{id}/help/propose")
	String form(@PathVariable String id, Authentication authentication, Model model) {
		OrganizationProfiles.Profile organization = organized(id, authentication);
		HelpForm empty = HelpForm.empty();
		model.addAttribute("form", new HelpForm(organization.name(), empty.kind(), empty.languages(), empty.cost(), "",
				"", "", "", (organization.website() != null) ? organization.website() : "", "", "", "", ""));
		model.addAttribute("organization", organization);
		model.addAttribute("errors", Map.of());
		return "help/propose";
	}

	@PostMapping("/organizer/organizations/{id}/help/propose")
	String propose(@PathVariable String id, @ModelAttribute("form") HelpForm form, Authentication authentication,
			HttpServletRequest request, HttpServletResponse response, Model model, Locale locale,
			RedirectAttributes redirect) {
		OrganizationProfiles.Profile organization = organized(id, authentication);
		this.rateLimits.check("help-propose", request.getRemoteAddr(), null);
		// staff check the details before the entry is shown: the date is theirs to give
		HelpForm proposed = new HelpForm(form.name(), form.kind(), form.languages(), form.cost(), form.counties(),
				form.facilities(), form.phone(), form.email(), form.website(), form.address(), form.hoursEn(),
				form.hoursEs(), "");
		Map<String, String> errors = this.directory.problems(proposed, null, locale);
		if (errors.isEmpty()) {
			try {
				this.directory.create(proposed, false, authentication.getName(), organization.id());
				redirect.addFlashAttribute("notice", "help.propose.organization.sent");
				return "redirect:/organizer/organizations/" + organization.id() + "/page";
			}
			catch (DuplicateKeyException ex) {
				errors = this.directory.problems(proposed, null, locale);
			}
		}
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		model.addAttribute("form", proposed);
		model.addAttribute("organization", organization);
		model.addAttribute("errors", errors);
		return "help/propose";
	}

	/**
	 * The organisation, when the signed-in person organises it; checked before the id is
	 * looked up, so the refusal confirms nothing.
	 */
	private OrganizationProfiles.Profile organized(String id, Authentication authentication) {
		long organization = id.matches("[0-9]{1,18}") ? Long.parseLong(id) : -1;
		if (organization < 0 || !this.permissions.organizes(authentication, organization)) {
			throw this.permissions.outsideScope(authentication, "help.error.organization");
		}
		return this.organizations.of(organization)
			.orElseThrow(() -> this.permissions.outsideScope(authentication, "help.error.organization"));
	}

}
