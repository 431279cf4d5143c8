package org.end287g.coalitions.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.end287g.SiteAddress;
import org.end287g.accounts.AccountDirectory;
import org.end287g.accounts.Permissions;
import org.end287g.campaigns.Campaigns;
import org.end287g.notifications.Mail;
import org.end287g.notifications.Outbox;
import org.end287g.privacy.SignedLinks;
import org.end287g.problems.Problem;
import org.end287g.validation.ShownBack;
import org.jspecify.annotations.Nullable;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Organizations' public pages and logos; the page's editor for its organizers and staff
 * (under {@code /organizer/**}: signed in); verification by the website's domain, which
 * an organizer confirms from a link mailed to their own address at that domain.
 */
@Controller
class OrganizationController {

	static final String VERIFY = "organization-verify";

	static final Duration VERIFY_VALIDITY = Duration.ofDays(3);

	private final OrganizationPages pages;

	private final Letters letters;

	private final Permissions permissions;

	private final AccountDirectory accounts;

	private final SignedLinks links;

	private final Outbox outbox;

	private final SiteAddress site;

	private final Campaigns campaigns;

	OrganizationController(OrganizationPages pages, Letters letters, Permissions permissions, AccountDirectory accounts,
			SignedLinks links, Outbox outbox, SiteAddress site, Campaigns campaigns) {
		this.campaigns = campaigns;
		this.pages = pages;
		this.letters = letters;
		this.permissions = permissions;
		this.accounts = accounts;
		this.links = links;
		this.outbox = outbox;
		this.site = site;
	}

	@GetMapping("/organisations")
	String list(Model model) {
		model.addAttribute("organizations", this.pages.all());
		return "coalitions/organizations";
	}

	@GetMapping("/organisations/{slug}")
	String page(@PathVariable String slug, @Nullable Authentication authentication, Model model) {
		OrganizationPage page = this.pages.bySlug(slug)
			.orElseThrow(() -> Problem.notFound("coalitions.error.organization.unknown"));
		if (!page.slug().equals(slug)) {
			return "redirect:/organisations/" + page.slug();
		}
		model.addAttribute("organization", page);
		model.addAttribute("letters", this.letters.signedBy(page.id()));
		model.addAttribute("campaigns", this.campaigns.partneredBy(page.id()));
		model.addAttribute("editable", authentication != null && this.permissions.organizes(authentication, page.id()));
		return "coalitions/organization";
	}

	@GetMapping("/organisations/{slug}/logo.png")
	ResponseEntity<byte[]> logo(@PathVariable String slug) {
		long id = Slugs.organizationId(slug);
		byte[] logo = ((id < 0) ? Optional.<byte[]>empty() : this.pages.logo(id))
			.orElseThrow(() -> Problem.notFound("coalitions.error.organization.unknown"));
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_PNG)
			.header("X-Content-Type-Options", "nosniff")
			.cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
			.body(logo);
	}

	@GetMapping("/organizer/organizations/{id}/page")
	String edit(@PathVariable String id, Authentication authentication, Model model) {
		OrganizationPage page = allowed(id, authentication);
		return edit(page, authentication, model);
	}

	@PostMapping("/organizer/organizations/{id}/page")
	String save(@PathVariable String id, @ModelAttribute("organizationForm") @Valid OrganizationForm form,
			BindingResult result, Authentication authentication, Model model, HttpServletResponse response,
			RedirectAttributes redirect) throws IOException {
		OrganizationPage page = allowed(id, authentication);
		byte[] logo = form.cleanLogo(result);
		if (result.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			ShownBack.into(model, result);
			return edit(page, authentication, model);
		}
		this.pages.save(page.id(), form.facts(), logo, form.removing(), authentication.getName());
		redirect.addFlashAttribute("notice", "coalitions.organization.saved");
		return "redirect:/organizer/organizations/" + page.id() + "/page";
	}

	/**
	 * An organizer asks to verify the organization by its domain: when their own address
	 * is at the website's domain, a link to confirm goes to it.
	 */
	@PostMapping("/organizer/organizations/{id}/page/verify")
	@Transactional
	String askToVerify(@PathVariable String id, Authentication authentication, RedirectAttributes redirect) {
		OrganizationPage page = allowed(id, authentication);
		if (!this.permissions.organizes(authentication, page.id())) {
			throw Problem.badRequest("coalitions.error.verify.organizer");
		}
		String domain = page.domain();
		if (domain == null) {
			throw Problem.badRequest("coalitions.error.verify.website");
		}
		AccountDirectory.Recipient me = this.accounts.recipient(authentication.getName())
			.orElseThrow(() -> Problem.badRequest("coalitions.error.verify.organizer"));
		String mine = me.email().substring(me.email().lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
		if (!mine.equals(domain)) {
			throw Problem.badRequest("coalitions.error.verify.domain", domain);
		}
		String token = this.links.sign(VERIFY, page.id() + ":" + me.accountId() + ":" + domain, VERIFY_VALIDITY);
		this.outbox
			.enqueue(Mail
				.transactional(me.email(), me.language(), VERIFY,
						Map.of("organization", page.name(), "domain", domain, "link",
								this.site.link("/organisations/verify?token=" + token), "days",
								VERIFY_VALIDITY.toDays(), "subjectArgs", List.of(page.name())))
				.usefulFor(VERIFY_VALIDITY));
		redirect.addFlashAttribute("notice", "coalitions.verify.sent");
		return "redirect:/organizer/organizations/" + page.id() + "/page";
	}

	@GetMapping("/organisations/verify")
	String verifyPage(@RequestParam(required = false) @Nullable String token, Model model) {
		model.addAttribute("organization", verification(token).page());
		model.addAttribute("token", token);
		return "coalitions/verify";
	}

	@PostMapping("/organisations/verify")
	String verify(@RequestParam(required = false) @Nullable String token, RedirectAttributes redirect) {
		Verification verification = verification(token);
		this.pages.verify(verification.page().id(), "DOMAIN", verification.accountId());
		redirect.addFlashAttribute("notice", "coalitions.verify.done");
		return "redirect:/organisations/" + verification.page().slug();
	}

	private record Verification(OrganizationPage page, String accountId) {
	}

	/**
	 * The organization of a genuine link, while its website is still at the domain the
	 * link was sent for.
	 */
	private Verification verification(@Nullable String token) {
		String[] parts = this.links.verify(VERIFY, token).map((payload) -> payload.split(":", 3)).orElse(new String[0]);
		if (parts.length == 3) {
			long id = Slugs.organizationId(parts[0]);
			Optional<OrganizationPage> page = (id < 0) ? Optional.empty() : this.pages.byId(id);
			if (page.isPresent() && parts[2].equals(page.get().domain())) {
				return new Verification(page.get(), parts[1]);
			}
		}
		throw Problem.notFound("coalitions.error.verify.link");
	}

	/** The organization, when the signed-in person organizes it or is staff. */
	private OrganizationPage allowed(String id, Authentication authentication) {
		long organization = Slugs.organizationId(id);
		if (organization < 0 || !(this.permissions.organizes(authentication, organization)
				|| this.permissions.isStaff(authentication))) {
			throw this.permissions.outsideScope(authentication, "coalitions.error.organization.unknown");
		}
		return this.pages.byId(organization)
			.orElseThrow(() -> Problem.notFound("coalitions.error.organization.unknown"));
	}

	private String edit(OrganizationPage page, Authentication authentication, Model model) {
		model.addAttribute("organization", page);
		model.addAttribute("organizer", this.permissions.organizes(authentication, page.id()));
		model.addAttribute("staff", this.permissions.isStaff(authentication));
		if (!model.containsAttribute("organizationForm")) {
			model.addAttribute("organizationForm", OrganizationForm.of(page));
		}
		return "coalitions/organization-edit";
	}

}
