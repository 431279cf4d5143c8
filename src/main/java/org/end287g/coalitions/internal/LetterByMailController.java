package org.end287g.coalitions.internal;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.end287g.SiteAddress;
import org.end287g.audit.AuditLog;
import org.end287g.notifications.Mail;
import org.end287g.notifications.Outbox;
import org.end287g.privacy.EmailAddress;
import org.end287g.privacy.EmailAddresses;
import org.end287g.privacy.RateLimits;
import org.end287g.privacy.SignedLinks;
import org.end287g.problems.Problem;
import org.end287g.validation.ShownBack;
import org.end287g.validation.TypedText;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
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
import org.springframework.web.util.UriComponentsBuilder;

/**
 * An organization signs a letter without an account: anyone (its staff, the campaign's
 * leader, our staff) names a verified organization and an address at its verified
 * website's domain; a signed link goes to that address only, in the language of the page
 * it was asked from; whoever opens it gives the name and title of the person who signs
 * for the organization. A signature thus needs a mailbox at the organization's domain (or
 * an organizer's account, {@link LetterController}); the link names the letter, the
 * organization and the domain, and dies when the organization loses its verification or
 * changes its domain, or once it signed.
 */
@Controller
class LetterByMailController {

	static final String PURPOSE = "letter-sign";

	static final Duration VALIDITY = Duration.ofDays(7);

	static final String ACTOR = "mail-link";

	private final Letters letters;

	private final OrganizationPages organizations;

	private final SignedLinks links;

	private final Outbox outbox;

	private final RateLimits limits;

	private final SiteAddress site;

	private final AuditLog audit;

	LetterByMailController(Letters letters, OrganizationPages organizations, SignedLinks links, Outbox outbox,
			RateLimits limits, SiteAddress site, AuditLog audit) {
		this.letters = letters;
		this.organizations = organizations;
		this.links = links;
		this.outbox = outbox;
		this.limits = limits;
		this.site = site;
		this.audit = audit;
	}

	/**
	 * Who asks for a link: a verified organization and an address at its domain.
	 *
	 * @param organization the organization's id
	 */
	record AskForm(String organization, @EmailAddress(required = "{accounts.error.email.required}",
			tooLong = "{accounts.error.email.long}", message = "{accounts.error.email.malformed}") String email) {

		AskForm {
			organization = TypedText.line(organization);
			email = TypedText.line(email);
		}

	}

	@GetMapping("/letters/{slug}/by-email")
	String askPage(@PathVariable String slug, Locale locale, Model model) {
		Letter letter = open(slug);
		if (!model.containsAttribute("askForm")) {
			model.addAttribute("askForm", new AskForm("", ""));
		}
		model.addAttribute("letter", letter);
		model.addAttribute("letterTitle", letter.title(locale));
		model.addAttribute("language", letter.language(locale));
		model.addAttribute("eligible", eligible(letter));
		return "coalitions/letter-by-email";
	}

	@PostMapping("/letters/{slug}/by-email")
	@Transactional
	String ask(@PathVariable String slug, @ModelAttribute("askForm") @Valid AskForm form, BindingResult result,
			Locale locale, Model model, HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirect) {
		Letter letter = open(slug);
		OrganizationPage organization = eligible(letter).stream()
			.filter((o) -> Long.toString(o.id()).equals(form.organization()))
			.findFirst()
			.orElse(null);
		if (organization == null) {
			result.rejectValue("organization", "coalitions.error.byEmail.organization");
		}
		else if (!result.hasFieldErrors("email")) {
			String address = EmailAddresses.normalize(form.email());
			String domain = address.substring(address.lastIndexOf('@') + 1);
			if (!domain.equals(organization.domain())) {
				result.rejectValue("email", "coalitions.error.byEmail.domain", new Object[] { organization.domain() },
						null);
			}
		}
		if (result.hasErrors() || organization == null) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			ShownBack.into(model, result);
			return askPage(slug, locale, model);
		}
		String email = EmailAddresses.normalize(form.email());
		String domain = organization.domain();
		this.limits.check("letter-link", request.getRemoteAddr(), email);
		String token = this.links.sign(PURPOSE, letter.id() + ":" + organization.id() + ":" + domain, VALIDITY);
		String link = UriComponentsBuilder.fromUriString(this.site.link("/letters/sign-by-email"))
			.queryParam("token", token)
			.build()
			.toUriString();
		this.outbox.enqueue(Mail.transactional(email, locale, "letter-sign-link",
				Map.of("organization", organization.name(), "letter", letter.title(locale), "target",
						letter.targetName(), "link", link, "days", VALIDITY.toDays(), "subjectArgs",
						List.of(organization.name())))
			.usefulFor(VALIDITY));
		this.audit.record(ACTOR, "letter.sign.link", "letter:" + letter.id(),
				"organization=" + organization.id() + " domain=" + domain);
		redirect.addFlashAttribute("notice", "coalitions.byEmail.sent");
		redirect.addFlashAttribute("noticeArgs", domain);
		return "redirect:/letters/" + letter.slug() + "/by-email";
	}

	@GetMapping("/letters/sign-by-email")
	String signPage(@RequestParam(required = false) @Nullable String token, Locale locale, Model model) {
		Signing signing = signing(token);
		if (!model.containsAttribute("signForm")) {
			model.addAttribute("signForm",
					new LetterForms.SignForm(Long.toString(signing.organization().id()), "", ""));
		}
		model.addAttribute("letter", signing.letter());
		model.addAttribute("letterTitle", signing.letter().title(locale));
		model.addAttribute("language", signing.letter().language(locale));
		model.addAttribute("organization", signing.organization());
		model.addAttribute("token", token);
		model.addAttribute("signed",
				!this.letters.signedAmong(signing.letter().id(), List.of(signing.organization().id())).isEmpty());
		return "coalitions/letter-sign-by-email";
	}

	@PostMapping("/letters/sign-by-email")
	String sign(@RequestParam(required = false) @Nullable String token,
			@ModelAttribute("signForm") @Valid LetterForms.SignForm form, BindingResult result, Locale locale,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Signing signing = signing(token);
		if (!result.hasErrors()) {
			// the organization is the link's, never a value of the form
			Letters.Signed signed = this.letters.sign(signing.letter().id(), signing.organization().id(),
					form.signerName(), form.signerTitle().isEmpty() ? null : form.signerTitle(), ACTOR);
			if (signed == Letters.Signed.SIGNED) {
				this.audit.record(ACTOR, "letter.sign.mail", "letter:" + signing.letter().id(),
						"organization=" + signing.organization().id() + " domain=" + signing.domain());
				redirect.addFlashAttribute("notice", "coalitions.signed");
				return "redirect:/letters/" + signing.letter().slug();
			}
			result.reject((signed == Letters.Signed.ALREADY) ? "coalitions.error.signed.already"
					: "coalitions.error.letter.closed");
		}
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		ShownBack.into(model, result);
		return signPage(token, locale, model);
	}

	private record Signing(Letter letter, OrganizationPage organization, String domain) {
	}

	/**
	 * The letter and organization of a genuine, unexpired link, while the letter is open
	 * and the organization still verified at the same domain.
	 */
	private Signing signing(@Nullable String token) {
		String[] parts = this.links.verify(PURPOSE, token).map((p) -> p.split(":", 3)).orElse(new String[0]);
		if (parts.length == 3) {
			Optional<Letter> letter = number(parts[0]).flatMap(this.letters::byId).filter(Letter::open);
			Optional<OrganizationPage> organization = number(parts[1]).flatMap(this.organizations::byId)
				.filter((o) -> o.verified() && parts[2].equals(o.domain()));
			if (letter.isPresent() && organization.isPresent()) {
				return new Signing(letter.get(), organization.get(), parts[2]);
			}
		}
		throw Problem.notFound("coalitions.error.byEmail.link");
	}

	/** An open letter; drafts and closed letters are not signed. */
	private Letter open(String slug) {
		Letter letter = this.letters.bySlug(slug)
			.filter((l) -> !l.draft())
			.orElseThrow(() -> Problem.notFound("coalitions.error.letter.unknown"));
		if (!letter.open()) {
			throw Problem.notFound("coalitions.error.letter.closed");
		}
		return letter;
	}

	/**
	 * The verified organizations with a website domain that have not signed the letter,
	 * by name.
	 */
	private List<OrganizationPage> eligible(Letter letter) {
		List<OrganizationPage> verified = this.organizations.all()
			.stream()
			.filter((o) -> o.verified() && o.domain() != null)
			.toList();
		List<Long> signed = this.letters.signedAmong(letter.id(), verified.stream().map(OrganizationPage::id).toList());
		return verified.stream().filter((o) -> !signed.contains(o.id())).toList();
	}

	private static Optional<Long> number(String value) {
		if (value.isEmpty() || value.length() > 18 || !value.chars().allMatch((c) -> c >= '0' && c <= '9')) {
			return Optional.empty();
		}
		return Optional.of(Long.parseLong(value));
	}

}
