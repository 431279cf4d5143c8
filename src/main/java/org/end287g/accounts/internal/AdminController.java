package org.end287g.accounts.internal;

import java.util.List;
import java.util.Optional;

import jakarta.validation.Valid;
import org.end287g.accounts.Roles;
import org.end287g.accounts.internal.AccountService.InviteResult;
import org.end287g.accounts.internal.AccountService.Outcome;
import org.end287g.accounts.internal.AccountService.RoleRequest;
import org.end287g.privacy.EmailAddresses;
import org.end287g.validation.PlainText;
import org.end287g.validation.ShownBack;
import org.end287g.validation.TypedText;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admin pages: accounts (invite, grant, revoke, disable), organizations and the audit
 * log. The only place a role can be given; no one can give one to themselves elsewhere.
 */
@Controller
@ConditionalOnWebApplication
class AdminController {

	private final AccountStore store;

	private final AccountService accounts;

	private final AuditReader auditLog;

	AdminController(AccountStore store, AccountService accounts, AuditReader auditLog) {
		this.store = store;
		this.accounts = accounts;
		this.auditLog = auditLog;
	}

	/** An account in the list: its roles and last sign-in. */
	public record Listed(Account account, List<Grant> grants) {

	}

	@GetMapping("/admin/accounts")
	String list(Model model) {
		model.addAttribute("accounts",
				this.store.all()
					.stream()
					.map((account) -> new Listed(account, this.store.activeGrants(account.id())))
					.toList());
		model.addAttribute("organizations", this.store.organizations());
		model.addAttribute("roles", Roles.values());
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", InvitationForm.BLANK);
		}
		return "admin/accounts";
	}

	@PostMapping("/admin/accounts")
	String invite(Authentication authentication, @ModelAttribute("form") @Valid InvitationForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		Optional<RoleRequest> role = roleRequest(form.roleForm(), result);
		if (role.isPresent() && !result.hasErrors()) {
			InviteResult invited = this.accounts.invite(authentication.getName(),
					EmailAddresses.normalize(form.email()), form.name(), form.language(), role.get());
			if (invited.outcome() == Outcome.DONE) {
				redirect.addFlashAttribute("notice", "admin.accounts.invited");
				return "redirect:/admin/accounts/" + invited.accountId();
			}
			refused(invited.outcome(), result);
		}
		ShownBack.into(model, result);
		return list(model);
	}

	@GetMapping("/admin/accounts/{id}")
	String account(@PathVariable String id, Model model) {
		Account account = this.store.byId(id).orElseThrow(AdminController::notFound);
		model.addAttribute("account", account);
		model.addAttribute("grants", this.store.grants(account.id()));
		model.addAttribute("organizations", this.store.organizations());
		model.addAttribute("roles", Roles.values());
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", RoleForm.BLANK);
		}
		return "admin/account";
	}

	@PostMapping("/admin/accounts/{id}/grants")
	String grant(Authentication authentication, @PathVariable String id, @ModelAttribute("form") @Valid RoleForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		if (this.store.byId(id).isEmpty()) {
			throw notFound();
		}
		Optional<RoleRequest> role = roleRequest(form, result);
		if (role.isPresent() && !result.hasErrors()) {
			Outcome outcome = this.accounts.grant(authentication.getName(), id, role.get());
			if (outcome == Outcome.DONE) {
				redirect.addFlashAttribute("notice", "admin.accounts.granted");
				return "redirect:/admin/accounts/" + id;
			}
			refused(outcome, result);
		}
		ShownBack.into(model, result);
		return account(id, model);
	}

	@PostMapping("/admin/accounts/{id}/grants/{grant}/revoke")
	String revoke(Authentication authentication, @PathVariable String id, @PathVariable("grant") String grantId,
			RedirectAttributes redirect) {
		Long grant = Ids.parse(grantId);
		if (grant == null) {
			throw notFound();
		}
		Outcome outcome = this.accounts.revoke(authentication.getName(), id, grant);
		if (outcome == Outcome.NOT_FOUND) {
			throw notFound();
		}
		redirect.addFlashAttribute((outcome == Outcome.REFUSED) ? "problem" : "notice",
				(outcome == Outcome.REFUSED) ? "admin.accounts.error.ownAdmin" : "admin.accounts.revoked");
		return "redirect:/admin/accounts/" + id;
	}

	@PostMapping("/admin/accounts/{id}/disable")
	String disable(Authentication authentication, @PathVariable String id, RedirectAttributes redirect) {
		Outcome outcome = this.accounts.disable(authentication.getName(), id);
		if (outcome == Outcome.NOT_FOUND) {
			throw notFound();
		}
		redirect.addFlashAttribute((outcome == Outcome.REFUSED) ? "problem" : "notice",
				(outcome == Outcome.REFUSED) ? "admin.accounts.error.self" : "admin.accounts.disabled");
		return "redirect:/admin/accounts/" + id;
	}

	/** A new partner organization. */
	record OrganizationForm(
			@PlainText(max = Organization.MAX_NAME, required = "{accounts.error.organization.name.required}",
					tooLong = "{accounts.error.organization.name.long}",
					message = "{accounts.error.organization.name.malformed}") String name) {

		OrganizationForm {
			name = TypedText.line(name);
		}

	}

	@GetMapping("/admin/organizations")
	String organizations(Model model) {
		model.addAttribute("organizations", this.store.organizations());
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new OrganizationForm(""));
		}
		return "admin/organizations";
	}

	@PostMapping("/admin/organizations")
	String createOrganization(Authentication authentication, @ModelAttribute("form") @Valid OrganizationForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			Optional<Long> created = this.accounts.createOrganization(authentication.getName(), form.name());
			if (created.isPresent()) {
				redirect.addFlashAttribute("notice", "admin.organizations.created");
				return "redirect:/admin/organizations";
			}
			result.rejectValue("name", "admin.organizations.error.duplicate");
		}
		ShownBack.into(model, result);
		return organizations(model);
	}

	@GetMapping("/admin/audit")
	String audit(@RequestParam(name = "action", required = false) @Nullable String action,
			@RequestParam(name = "page", required = false) @Nullable String page, Model model) {
		List<String> actions = this.auditLog.actions();
		String filter = (action != null && actions.contains(action)) ? action : null;
		Long number = Ids.parse(page);
		int pageNumber = (number != null && number < 100_000) ? number.intValue() : 1;
		AuditReader.Page entries = this.auditLog.page(filter, pageNumber);
		model.addAttribute("actions", actions);
		model.addAttribute("action", filter);
		model.addAttribute("entries", entries);
		return "admin/audit";
	}

	/**
	 * The role asked for, with the organization or campaign it needs, which must exist;
	 * empty when the role itself is not one.
	 */
	private Optional<RoleRequest> roleRequest(RoleForm form, Errors errors) {
		if (errors.hasFieldErrors("role")) {
			return Optional.empty();
		}
		Roles role = Roles.valueOf(form.role());
		Long organization = null;
		Long campaign = null;
		if (role == Roles.ORGANIZER) {
			organization = Ids.parse(form.organization());
			if (organization == null || this.store.organization(organization).isEmpty()) {
				errors.rejectValue("organization", "admin.accounts.error.organization");
			}
		}
		if (role == Roles.LEADER) {
			campaign = Ids.parse(form.campaign());
			if (campaign == null) {
				errors.rejectValue("campaign", "admin.accounts.error.campaign");
			}
			else if (!this.store.campaignExists(campaign)) {
				errors.rejectValue("campaign", "admin.accounts.error.campaignUnknown");
			}
		}
		return Optional.of(new RoleRequest(role, organization, campaign));
	}

	/** Why a valid role was not given, on the role field. */
	private static void refused(Outcome outcome, Errors errors) {
		errors.rejectValue("role", (outcome == Outcome.ALREADY_HELD) ? "admin.accounts.error.alreadyHeld"
				: "admin.accounts.error.disabled");
	}

	private static ResponseStatusException notFound() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND);
	}

}
