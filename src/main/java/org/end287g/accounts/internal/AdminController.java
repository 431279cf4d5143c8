package org.end287g.accounts.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.end287g.accounts.Roles;
import org.end287g.accounts.internal.AccountService.InviteResult;
import org.end287g.accounts.internal.AccountService.Outcome;
import org.end287g.accounts.internal.AccountService.RoleRequest;
import org.end287g.privacy.EmailAddresses;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
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
			model.addAttribute("form", new LinkedHashMap<String, String>(Map.of("language", "en", "role", "LEADER")));
		}
		model.addAttribute("errors", model.getAttribute("errors") != null ? model.getAttribute("errors") : Map.of());
		return "admin/accounts";
	}

	@PostMapping("/admin/accounts")
	String invite(Authentication authentication, @RequestParam Map<String, String> params, Model model,
			RedirectAttributes redirect) {
		Map<String, String> errors = new LinkedHashMap<>();
		put(errors, "email", Fields.email(params.get("email")));
		put(errors, "name", Fields.name(params.get("name")));
		put(errors, "language", Fields.language(params.get("language")));
		RoleRequest role = role(params, errors);
		if (errors.isEmpty()) {
			InviteResult result = this.accounts.invite(authentication.getName(),
					EmailAddresses.normalize(params.get("email")), params.get("name").strip(), params.get("language"),
					role);
			if (result.outcome() == Outcome.DONE) {
				redirect.addFlashAttribute("notice", "admin.accounts.invited");
				return "redirect:/admin/accounts/" + result.accountId();
			}
			errors.put("role", (result.outcome() == Outcome.ALREADY_HELD) ? "admin.accounts.error.alreadyHeld"
					: "admin.accounts.error.disabled");
		}
		model.addAttribute("form", echo(params));
		model.addAttribute("errors", errors);
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
			model.addAttribute("form", Map.of("role", "LEADER"));
		}
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "admin/account";
	}

	@PostMapping("/admin/accounts/{id}/grants")
	String grant(Authentication authentication, @PathVariable String id, @RequestParam Map<String, String> params,
			Model model, RedirectAttributes redirect) {
		if (this.store.byId(id).isEmpty()) {
			throw notFound();
		}
		Map<String, String> errors = new LinkedHashMap<>();
		RoleRequest role = role(params, errors);
		if (errors.isEmpty()) {
			Outcome outcome = this.accounts.grant(authentication.getName(), id, role);
			if (outcome == Outcome.DONE) {
				redirect.addFlashAttribute("notice", "admin.accounts.granted");
				return "redirect:/admin/accounts/" + id;
			}
			errors.put("role", (outcome == Outcome.ALREADY_HELD) ? "admin.accounts.error.alreadyHeld"
					: "admin.accounts.error.disabled");
		}
		model.addAttribute("form", echo(params));
		model.addAttribute("errors", errors);
		return account(id, model);
	}

	@PostMapping("/admin/accounts/{id}/grants/{grant}/revoke")
	String revoke(Authentication authentication, @PathVariable String id, @PathVariable("grant") String grantId,
			RedirectAttributes redirect) {
		Long grant = Fields.id(grantId);
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

	@GetMapping("/admin/organizations")
	String organizations(Model model) {
		model.addAttribute("organizations", this.store.organizations());
		if (!model.containsAttribute("name")) {
			model.addAttribute("name", "");
		}
		return "admin/organizations";
	}

	@PostMapping("/admin/organizations")
	String createOrganization(Authentication authentication, @RequestParam(name = "name", required = false) String name,
			Model model, RedirectAttributes redirect) {
		String error = Fields.organizationName(name);
		if (error == null) {
			Optional<Long> created = this.accounts.createOrganization(authentication.getName(), name);
			if (created.isPresent()) {
				redirect.addFlashAttribute("notice", "admin.organizations.created");
				return "redirect:/admin/organizations";
			}
			error = "admin.organizations.error.duplicate";
		}
		model.addAttribute("name", (name == null || name.length() > Fields.MAX_ORGANIZATION * 2) ? "" : name);
		model.addAttribute("nameError", error);
		return organizations(model);
	}

	@GetMapping("/admin/audit")
	String audit(@RequestParam(name = "action", required = false) String action,
			@RequestParam(name = "page", required = false) String page, Model model) {
		List<String> actions = this.auditLog.actions();
		String filter = (action != null && actions.contains(action)) ? action : null;
		Long number = Fields.id(page);
		int pageNumber = (number != null && number < 100_000) ? number.intValue() : 1;
		AuditReader.Page entries = this.auditLog.page(filter, pageNumber);
		model.addAttribute("actions", actions);
		model.addAttribute("action", filter);
		model.addAttribute("entries", entries);
		return "admin/audit";
	}

	/** A role, with the organization or campaign it needs; errors go into the map. */
	private RoleRequest role(Map<String, String> params, Map<String, String> errors) {
		Roles role;
		try {
			role = Roles.valueOf(params.getOrDefault("role", ""));
		}
		catch (IllegalArgumentException ex) {
			errors.put("role", "admin.accounts.error.role");
			return null;
		}
		Long organization = null;
		Long campaign = null;
		if (role == Roles.ORGANIZER) {
			organization = Fields.id(params.get("organization"));
			if (organization == null || this.store.organization(organization).isEmpty()) {
				errors.put("organization", "admin.accounts.error.organization");
			}
		}
		if (role == Roles.LEADER) {
			campaign = Fields.id(params.get("campaign"));
			if (campaign == null) {
				errors.put("campaign", "admin.accounts.error.campaign");
			}
			else if (!this.store.campaignExists(campaign)) {
				errors.put("campaign", "admin.accounts.error.campaignUnknown");
			}
		}
		return new RoleRequest(role, organization, campaign);
	}

	private static void put(Map<String, String> errors, String field, String error) {
		if (error != null) {
			errors.put(field, error);
		}
	}

	/** What the person typed, for the form shown again (absurdly long values dropped). */
	private static Map<String, String> echo(Map<String, String> params) {
		Map<String, String> form = new LinkedHashMap<>();
		params.forEach((key, value) -> {
			if (!"_csrf".equals(key) && value != null && value.length() <= 1000) {
				form.put(key, value);
			}
		});
		return form;
	}

	private static ResponseStatusException notFound() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND);
	}

}
