package org.end287g.accounts.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.end287g.SiteAddress;
import org.end287g.privacy.EmailAddress;
import org.end287g.privacy.EmailAddresses;
import org.end287g.privacy.QuietLimits;
import org.end287g.privacy.RateLimits;
import org.end287g.validation.ShownBack;
import org.end287g.validation.TypedText;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in pages. Asking for a link always ends on the same page, whether or not the
 * address has an account and whether or not a mail was sent, so the form cannot be used
 * to find out who has one, nor to lock someone out.
 * <p>
 * Two limits: the rate limit {@value #PER_CLIENT} per hashed client address (one client
 * asking for many addresses gets a 429), and the quiet cap {@value #MAILS} on the mails
 * one address gets. Past the cap, whoever asks (an attacker flooding the address or the
 * person) gets the same page and no mail, and the newest link already mailed works again
 * for the link's validity ({@link SignInLinks#send}). So no one is ever refused because
 * others asked for their address, and a flood does not fill their mailbox.
 */
@Controller
@ConditionalOnWebApplication
class SignInController {

	/** The rate limit per client asking for links. */
	static final String PER_CLIENT = "sign-in";

	/** The quiet cap on sign-in mails per address. */
	static final String MAILS = "sign-in-mail";

	private final SignInLinks links;

	private final RateLimits rateLimits;

	private final QuietLimits mailCap;

	private final AccountsProperties properties;

	private final SiteAddress site;

	SignInController(SignInLinks links, RateLimits rateLimits, QuietLimits mailCap, AccountsProperties properties,
			SiteAddress site) {
		this.links = links;
		this.rateLimits = rateLimits;
		this.mailCap = mailCap;
		this.properties = properties;
		this.site = site;
	}

	/** Where passkeys work: the passkey script names it when one is refused elsewhere. */
	@ModelAttribute("passkeyOrigins")
	String passkeyOrigins() {
		return this.properties.webauthn().originsText(this.site);
	}

	/** The address a sign-in link is asked for. */
	record SignInForm(@EmailAddress(required = "{accounts.error.email.required}",
			tooLong = "{accounts.error.email.long}", message = "{accounts.error.email.malformed}") String email) {

		SignInForm {
			email = TypedText.line(email);
		}

	}

	@GetMapping("/sign-in")
	String form(@RequestParam(name = "link", required = false) @Nullable String link, Model model) {
		model.addAttribute("form", new SignInForm(""));
		if (link != null) {
			model.addAttribute("linkError", "accounts.signIn.link.invalid");
		}
		return "accounts/sign-in";
	}

	@PostMapping("/sign-in")
	String send(@ModelAttribute("form") @Valid SignInForm form, BindingResult result, HttpServletRequest request,
			Model model) {
		if (result.hasErrors()) {
			ShownBack.into(model, result);
			return "accounts/sign-in";
		}
		String normalized = EmailAddresses.normalize(form.email());
		this.rateLimits.check(PER_CLIENT, request.getRemoteAddr(), null);
		this.links.send(normalized, this.mailCap.tryTake(MAILS, normalized));
		model.addAttribute("minutes", this.properties.accounts().signInLinkValidity().toMinutes());
		return "accounts/sign-in-sent";
	}

	/**
	 * The page the mailed link opens: its button posts the token, so a mail scanner that
	 * fetches the link does not use it up.
	 */
	@GetMapping("/sign-in/link")
	String link(@RequestParam(name = "token", required = false) @Nullable String token,
			@RequestParam(name = LandingRedirect.NEXT, required = false) @Nullable String next, Model model) {
		if (token == null || token.isBlank() || token.length() > 36) {
			return "redirect:/sign-in?link=invalid";
		}
		model.addAttribute("token", token);
		// where the link leads after the sign-in (a new leader's dashboard), if one to
		// follow
		model.addAttribute("next", SignInLanding.next(next));
		return "accounts/sign-in-link";
	}

}
