package org.end287g.accounts.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.end287g.SiteAddress;
import org.end287g.accounts.Roles;
import org.end287g.audit.AuditLog;
import org.end287g.validation.PlainText;
import org.end287g.validation.ShownBack;
import org.end287g.validation.TypedText;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A signed-in person's own pages: details, sessions, passkeys. Only ever their own. */
@Controller
@ConditionalOnWebApplication
class AccountController {

	private final AccountStore store;

	private final AccountService accounts;

	private final AccountSessions sessions;

	private final AuditLog audit;

	private final PublicKeyCredentialUserEntityRepository passkeyUsers;

	private final UserCredentialRepository passkeys;

	private final JdbcPermissions permissions;

	private final SignInLanding landing;

	private final AccountsProperties properties;

	private final SiteAddress site;

	AccountController(AccountStore store, AccountService accounts, AccountSessions sessions, AuditLog audit,
			PublicKeyCredentialUserEntityRepository passkeyUsers, UserCredentialRepository passkeys,
			JdbcPermissions permissions, SignInLanding landing, AccountsProperties properties, SiteAddress site) {
		this.store = store;
		this.accounts = accounts;
		this.sessions = sessions;
		this.audit = audit;
		this.passkeyUsers = passkeyUsers;
		this.passkeys = passkeys;
		this.permissions = permissions;
		this.landing = landing;
		this.properties = properties;
		this.site = site;
	}

	/** A person's own details as they edit them. */
	record DetailsForm(
			@PlainText(max = Account.MAX_NAME, required = "{accounts.error.name.required}",
					tooLong = "{accounts.error.name.long}", message = "{accounts.error.name.malformed}") String name,
			@Pattern(regexp = Account.LANGUAGES, message = "{accounts.error.language}") String language) {

		DetailsForm {
			name = TypedText.line(name);
			language = TypedText.line(language);
		}

	}

	/**
	 * A role the person holds, with what it covers (a campaign's title, an organization's
	 * name; none for staff) and the page where they use it.
	 */
	public record Held(Roles role, @Nullable String scope, String link) {

	}

	/** A dashboard the person may use: its name (a message key) and its path. */
	public record Dashboard(String titleKey, String link) {

	}

	@GetMapping("/account")
	String account(Authentication authentication, Model model) {
		Account account = me(authentication);
		if (!model.containsAttribute("form")) {
			model.addAttribute("form",
					new DetailsForm(Objects.requireNonNullElse(account.name(), ""), account.language()));
		}
		List<Grant> grants = this.store.activeGrants(account.id());
		model.addAttribute("account", account);
		model.addAttribute("held", held(grants));
		model.addAttribute("dashboards", dashboards(grants));
		model.addAttribute("passkeyForStaff", this.permissions.wouldBeStaffWithAPasskey(authentication));
		return "accounts/account";
	}

	/** Where a passkey sign-in goes next (the page's script opens it): the landing. */
	@GetMapping("/account/start")
	String start(Authentication authentication) {
		return "redirect:" + this.landing.of(authentication);
	}

	private List<Held> held(List<Grant> grants) {
		List<Long> campaigns = new ArrayList<>();
		for (Grant grant : grants) {
			Long campaign = grant.campaignId();
			if (campaign != null) {
				campaigns.add(campaign);
			}
		}
		Map<Long, String> titles = this.store.campaignTitles(campaigns);
		List<Held> held = new ArrayList<>();
		for (Grant grant : grants) {
			Long campaign = grant.campaignId();
			Long organization = grant.organizationId();
			if (grant.role() == Roles.LEADER && campaign != null) {
				held.add(new Held(grant.role(), titles.get(campaign), "/leader/campaigns/" + campaign));
			}
			else if (grant.role() == Roles.ORGANIZER && organization != null) {
				held.add(new Held(grant.role(), grant.organizationName(), "/organizer/organizations/" + organization));
			}
			else {
				held.add(new Held(grant.role(), null, "/admin"));
			}
		}
		return held;
	}

	/** Every dashboard of the roles held, staff's first. */
	private static List<Dashboard> dashboards(List<Grant> grants) {
		Set<Roles> roles = EnumSet.noneOf(Roles.class);
		grants.forEach((grant) -> roles.add(grant.role()));
		List<Dashboard> dashboards = new ArrayList<>();
		if (roles.contains(Roles.ADMIN)) {
			dashboards.add(new Dashboard("admin.home.title", "/admin"));
		}
		if (roles.contains(Roles.LEADER)) {
			dashboards.add(new Dashboard("accounts.leader.title", "/leader"));
			dashboards.add(new Dashboard("accounts.dashboard.events", "/leader/events"));
		}
		if (roles.contains(Roles.ORGANIZER)) {
			dashboards.add(new Dashboard("accounts.organizer.title", "/organizer"));
		}
		return dashboards;
	}

	@PostMapping("/account")
	String update(Authentication authentication, @ModelAttribute("form") @Valid DetailsForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			ShownBack.into(model, result);
			return account(authentication, model);
		}
		this.accounts.update(me(authentication).id(), form.name(), form.language());
		redirect.addFlashAttribute("notice", "accounts.account.saved");
		return "redirect:/account";
	}

	@GetMapping("/account/sessions")
	String sessions(Authentication authentication, HttpServletRequest request, Model model) {
		HttpSession current = request.getSession(false);
		model.addAttribute("sessions",
				this.sessions.list(authentication.getName(), (current != null) ? current.getId() : null));
		return "accounts/sessions";
	}

	@PostMapping("/account/sessions/revoke")
	String revoke(Authentication authentication,
			@RequestParam(name = "session", required = false) @Nullable String handle, RedirectAttributes redirect) {
		if (handle != null && handle.length() <= 64 && this.sessions.revoke(authentication.getName(), handle)) {
			this.audit.record(authentication.getName(), "session.revoke", authentication.getName(), "sessions=1");
			redirect.addFlashAttribute("notice", "accounts.sessions.revoked");
		}
		else {
			redirect.addFlashAttribute("problem", "accounts.sessions.notFound");
		}
		return "redirect:/account/sessions";
	}

	@PostMapping("/account/sessions/revoke-others")
	String revokeOthers(Authentication authentication, HttpServletRequest request, RedirectAttributes redirect) {
		HttpSession current = request.getSession(false);
		int revoked = this.sessions.revokeAllExcept(authentication.getName(),
				(current != null) ? current.getId() : null);
		this.audit.record(authentication.getName(), "session.revoke", authentication.getName(),
				"sessions=" + revoked + " everywhere else");
		redirect.addFlashAttribute("notice", "accounts.sessions.revokedOthers");
		return "redirect:/account/sessions";
	}

	/** A passkey as the list shows it. */
	public record Passkey(String id, String label, Instant created, Instant lastUsed) {

	}

	@GetMapping("/account/passkeys")
	String passkeys(Authentication authentication,
			@RequestParam(name = "added", required = false) @Nullable String added, Model model) {
		if ("1".equals(added) && !model.containsAttribute("notice")) {
			model.addAttribute("notice", "accounts.passkeys.added");
		}
		model.addAttribute("passkeys", myPasskeys(authentication));
		model.addAttribute("maxLabel", AuditedUserCredentials.MAX_LABEL);
		model.addAttribute("passkeyOrigins", this.properties.webauthn().originsText(this.site));
		return "accounts/passkeys";
	}

	@PostMapping("/account/passkeys/remove")
	String removePasskey(Authentication authentication,
			@RequestParam(name = "passkey", required = false) @Nullable String id, RedirectAttributes redirect) {
		Optional<Passkey> mine = myPasskeys(authentication).stream()
			.filter((passkey) -> passkey.id().equals(id))
			.findFirst();
		if (mine.isPresent()) {
			this.passkeys.delete(Bytes.fromBase64(mine.get().id()));
			redirect.addFlashAttribute("notice", "accounts.passkeys.removed");
		}
		else {
			redirect.addFlashAttribute("problem", "accounts.passkeys.notFound");
		}
		return "redirect:/account/passkeys";
	}

	/**
	 * Forwarded here (status 403) when an admin without a passkey opens an admin page.
	 */
	@RequestMapping(AccessDenied.PASSKEY_REQUIRED)
	String passkeyRequired() {
		return "accounts/passkey-required";
	}

	private List<Passkey> myPasskeys(Authentication authentication) {
		PublicKeyCredentialUserEntity user = this.passkeyUsers.findByUsername(authentication.getName());
		if (user == null) {
			return List.of();
		}
		return this.passkeys.findByUserId(user.getId())
			.stream()
			.sorted(Comparator.comparing(CredentialRecord::getCreated, Comparator.nullsLast(Comparator.naturalOrder())))
			.map((record) -> new Passkey(record.getCredentialId().toBase64UrlString(), record.getLabel(),
					record.getCreated(), record.getLastUsed()))
			.toList();
	}

	private Account me(Authentication authentication) {
		return this.store.byId(authentication.getName()).orElseThrow();
	}

}
