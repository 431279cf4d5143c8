package org.end287g.privacy.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.end287g.privacy.EmailAddress;
import org.end287g.privacy.PersonalDataCodeRequested.Purpose;
import org.end287g.privacy.RateLimits;
import org.end287g.privacy.internal.MyDataCodes.Outcome;
import org.end287g.validation.ShownBack;
import org.end287g.validation.TypedText;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.View;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The "my data" pages: no account, only a signed link from an e-mail. A person sees what
 * is held about their address with the link alone; downloading it as JSON or deleting it
 * also takes a code mailed to the address when they ask, typed into a plain form (no
 * script needed).
 */
@Controller
class MyDataController {

	private static final String NOINDEX = "noindex, nofollow";

	/** The message of each refusal, under {@code mydata.code.error.}. */
	private static final Map<Outcome, String> ERRORS = Map.of(Outcome.EMPTY, "empty", Outcome.NONE, "none",
			Outcome.WRONG, "wrong", Outcome.EXPIRED, "expired", Outcome.USED, "used", Outcome.TOO_MANY, "tooMany",
			Outcome.ACCEPTED, "none");

	private final MyData myData;

	private final RateLimits rateLimits;

	private final MessageSource messages;

	private final Object[] retentionDays;

	MyDataController(MyData myData, RateLimits rateLimits, MessageSource messages, PrivacyProperties properties) {
		this.retentionDays = new Object[] { properties.retention().toDays() };
		this.myData = myData;
		this.rateLimits = rateLimits;
		this.messages = messages;
	}

	/**
	 * Every page here has a form: its CSRF token is made (and its cookie set) before the
	 * page starts streaming, not when the form is reached.
	 */
	@ModelAttribute
	void csrfToken(HttpServletRequest request) {
		if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
			token.getToken();
		}
	}

	// --- asking for a link ---

	/** The address a link to one's data is asked for. */
	record LinkRequest(@EmailAddress(required = "{mydata.error.email.empty}", tooLong = "{mydata.error.email.long}",
			message = "{mydata.error.email.invalid}") String email) {

		LinkRequest {
			email = TypedText.line(email);
		}

	}

	@GetMapping("/my-data")
	String form(Model model) {
		model.addAttribute("form", new LinkRequest(""));
		return "privacy/my-data-request";
	}

	@PostMapping("/my-data")
	String requestLink(@ModelAttribute("form") @Valid LinkRequest form, BindingResult result,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		if (result.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			ShownBack.into(model, result);
			return "privacy/my-data-request";
		}
		this.rateLimits.check("my-data", request.getRemoteAddr(), form.email());
		this.myData.requestLink(form.email(), language());
		return "redirect:/my-data/link-sent";
	}

	@GetMapping("/my-data/link-sent")
	String linkSent(Model model) {
		model.addAttribute("days", this.myData.linkValidity().toDays());
		return "privacy/my-data-sent";
	}

	// --- through a link ---

	@GetMapping("/my-data/{token}")
	String show(@PathVariable String token, HttpServletResponse response, Model model) {
		Optional<String> emailIndex = this.myData.emailIndex(token);
		if (emailIndex.isEmpty()) {
			return invalid(response, model);
		}
		response.setHeader("X-Robots-Tag", NOINDEX);
		model.addAttribute("token", token);
		model.addAttribute("days", this.myData.linkValidity().toDays());
		model.addAttribute("sections", sections(this.myData.describe(emailIndex.get())));
		return "privacy/my-data";
	}

	/**
	 * The download as it was linked before it needed a code: to the page that asks for
	 * one, never the data.
	 */
	@GetMapping("/my-data/{token}/export.json")
	ResponseEntity<Void> oldExport(@PathVariable String token) {
		return ResponseEntity.status(HttpStatus.SEE_OTHER).location(path(token, "export")).build();
	}

	/** Downloading or deleting: what it does, "send me a code" and the code's box. */
	@GetMapping("/my-data/{token}/{action:export|delete}")
	String action(@PathVariable String token, @PathVariable String action,
			@RequestParam(required = false) @Nullable String sent, HttpServletResponse response, Model model) {
		Optional<String> emailIndex = this.myData.emailIndex(token);
		if (emailIndex.isEmpty()) {
			return invalid(response, model);
		}
		return action(token, action, emailIndex.get(), sent != null, null, response, model);
	}

	/** Mails a new code for the action to the address held, then shows its box. */
	@PostMapping("/my-data/{token}/{action:export|delete}/code")
	String sendCode(@PathVariable String token, @PathVariable String action, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Optional<String> emailIndex = this.myData.emailIndex(token);
		if (emailIndex.isEmpty()) {
			return invalid(response, model);
		}
		boolean sent = this.myData.sendCode(emailIndex.get(), purpose(action), language(), request.getRemoteAddr());
		if (!sent) {
			return action(token, action, emailIndex.get(), false, null, response, model);
		}
		return seeOther(request, UriComponentsBuilder.fromUri(path(token, action)).query("sent").build().toUriString());
	}

	/**
	 * The download, with the code just mailed: JSON, or the box again with what went
	 * wrong.
	 */
	@PostMapping("/my-data/{token}/export")
	ResponseEntity<Map<String, Object>> export(@PathVariable String token,
			@RequestParam(required = false) @Nullable String code) {
		Optional<String> emailIndex = this.myData.emailIndex(token);
		if (emailIndex.isEmpty()) {
			throw new CodeRefused(token, "export", null);
		}
		MyData.Download download = this.myData.export(emailIndex.get(), TypedText.line(code));
		Map<String, Object> data = download.data();
		if (data == null) {
			throw new CodeRefused(token, "export", download.outcome());
		}
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("end287g-my-data.json").build().toString())
			.cacheControl(CacheControl.noStore())
			.header(HttpHeaders.PRAGMA, "no-cache")
			.header("X-Robots-Tag", NOINDEX)
			.body(data);
	}

	/** The deletion, with the code just mailed; the box again with what went wrong. */
	@PostMapping("/my-data/{token}/delete")
	String delete(@PathVariable String token, @RequestParam(required = false) @Nullable String code,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		Optional<String> emailIndex = this.myData.emailIndex(token);
		if (emailIndex.isEmpty()) {
			return invalid(response, model);
		}
		Outcome outcome = this.myData.forget(emailIndex.get(), TypedText.line(code));
		if (outcome != Outcome.ACCEPTED) {
			return action(token, "delete", emailIndex.get(), false, outcome, response, model);
		}
		return seeOther(request, "/my-data/deleted");
	}

	@GetMapping("/my-data/deleted")
	String deleted() {
		return "privacy/my-data-deleted";
	}

	/** A download refused: answered with the download's page, not JSON. */
	static final class CodeRefused extends RuntimeException {

		private static final long serialVersionUID = 1L;

		private final String token;

		private final String action;

		private final @Nullable Outcome outcome;

		CodeRefused(String token, String action, @Nullable Outcome outcome) {
			super(null, null, false, false);
			this.token = token;
			this.action = action;
			this.outcome = outcome;
		}

	}

	@ExceptionHandler(CodeRefused.class)
	String refused(CodeRefused refused, HttpServletResponse response, Model model) {
		Optional<String> emailIndex = this.myData.emailIndex(refused.token);
		if (emailIndex.isEmpty()) {
			return invalid(response, model);
		}
		return action(refused.token, refused.action, emailIndex.get(), false, refused.outcome, response, model);
	}

	private String action(String token, String action, String emailIndex, boolean sent, @Nullable Outcome outcome,
			HttpServletResponse response, Model model) {
		response.setHeader("X-Robots-Tag", NOINDEX);
		long minutes = this.myData.codeValidity().toMinutes();
		model.addAttribute("token", token);
		model.addAttribute("action", action);
		model.addAttribute("minutes", minutes);
		model.addAttribute("held", this.myData.address(emailIndex).isPresent());
		model.addAttribute("sent", sent);
		if (outcome != null) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("error", text("mydata.code.error." + ERRORS.get(outcome), minutes));
		}
		return "privacy/my-data-action";
	}

	/** A redirect after a post, with 303 See Other: the browser follows it with a GET. */
	private static String seeOther(HttpServletRequest request, String location) {
		request.setAttribute(View.RESPONSE_STATUS_ATTRIBUTE, HttpStatus.SEE_OTHER);
		return "redirect:" + location;
	}

	private static Purpose purpose(String action) {
		return "delete".equals(action) ? Purpose.DELETE : Purpose.EXPORT;
	}

	private static URI path(String token, String action) {
		return UriComponentsBuilder.fromPath("/my-data/{token}/{action}")
			.buildAndExpand(token, action)
			.encode()
			.toUri();
	}

	private String invalid(HttpServletResponse response, Model model) {
		response.setStatus(HttpStatus.NOT_FOUND.value());
		response.setContentType(MediaType.TEXT_HTML_VALUE + ";charset=UTF-8");
		model.addAttribute("days", this.myData.linkValidity().toDays());
		return "privacy/my-data-invalid";
	}

	private static Locale language() {
		return "es".equals(LocaleContextHolder.getLocale().getLanguage()) ? Locale.forLanguageTag("es")
				: Locale.ENGLISH;
	}

	// --- what the page shows ---

	/**
	 * A section of the page: a holder's data with a label and a reason for each field.
	 */
	record Section(String name, String title, String about, List<Field> fields) {
	}

	record Field(String key, String label, String why, List<String> values) {
	}

	private List<Section> sections(Map<String, Map<String, Object>> described) {
		List<Section> sections = new ArrayList<>();
		described.forEach((section, values) -> {
			List<Field> fields = new ArrayList<>();
			values.forEach((key, value) -> fields.add(new Field(key, label(section, key),
					text(new String[] { "mydata.field." + section + "." + key + ".why", "mydata.field.why" }, ""),
					shown(section, key, value))));
			sections.add(new Section(section, text(new String[] { "mydata.section." + section }, section),
					text(new String[] { "mydata.section." + section + ".about", "mydata.section.about" }, ""), fields));
		});
		return sections;
	}

	private String label(String section, String key) {
		return text(new String[] { "mydata.field." + section + "." + key }, key);
	}

	private List<String> shown(String section, String key, Object value) {
		if (value == null) {
			return List.of(text("mydata.value.none"));
		}
		if (value instanceof Collection<?> items) {
			if (items.isEmpty()) {
				return List.of(text("mydata.value.empty"));
			}
			return items.stream().map((item) -> one(section, key, item)).toList();
		}
		return List.of(one(section, key, value));
	}

	private String one(String section, String key, Object value) {
		if (value instanceof Map<?, ?> map) {
			List<String> parts = new ArrayList<>();
			map.forEach((part, partValue) -> parts.add(label(section, key + "." + part) + ": "
					+ ((partValue != null) ? partValue : text("mydata.value.none"))));
			return String.join("; ", parts);
		}
		return String.valueOf(value);
	}

	private String text(String code) {
		return this.messages.getMessage(code, null, LocaleContextHolder.getLocale());
	}

	private String text(String code, Object argument) {
		return this.messages.getMessage(code, new Object[] { argument }, LocaleContextHolder.getLocale());
	}

	private String text(String[] codes, String otherwise) {
		// the retention period is the one argument some explanations use
		return this.messages.getMessage(new DefaultMessageSourceResolvable(codes, this.retentionDays, otherwise),
				LocaleContextHolder.getLocale());
	}

}
