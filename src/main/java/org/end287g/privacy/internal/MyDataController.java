package org.end287g.privacy.internal;

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
import org.end287g.privacy.RateLimits;
import org.end287g.validation.ShownBack;
import org.end287g.validation.TypedText;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The "my data" pages: no account, only a signed link from an e-mail. A person sees what
 * is held about their address, downloads it as JSON, or deletes it.
 */
@Controller
class MyDataController {

	private static final String NOINDEX = "noindex, nofollow";

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
	String linkSent() {
		return "privacy/my-data-sent";
	}

	// --- through a link ---

	@GetMapping("/my-data/{token}")
	String show(@PathVariable String token, HttpServletResponse response, Model model) {
		Optional<String> emailIndex = this.myData.emailIndex(token);
		if (emailIndex.isEmpty()) {
			return invalid(response);
		}
		response.setHeader("X-Robots-Tag", NOINDEX);
		model.addAttribute("token", token);
		model.addAttribute("sections", sections(this.myData.describe(emailIndex.get())));
		return "privacy/my-data";
	}

	@GetMapping("/my-data/{token}/export.json")
	ResponseEntity<Map<String, Object>> export(@PathVariable String token) {
		Optional<String> emailIndex = this.myData.emailIndex(token);
		if (emailIndex.isEmpty()) {
			// a page, not JSON, says why: the link's own page explains it and offers a
			// new one
			return ResponseEntity.status(HttpStatus.SEE_OTHER)
				.location(UriComponentsBuilder.fromPath("/my-data/{token}").buildAndExpand(token).encode().toUri())
				.build();
		}
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("end287g-my-data.json").build().toString())
			.cacheControl(CacheControl.noStore())
			.header(HttpHeaders.PRAGMA, "no-cache")
			.header("X-Robots-Tag", NOINDEX)
			.body(this.myData.export(emailIndex.get()));
	}

	@GetMapping("/my-data/{token}/delete")
	String confirmDelete(@PathVariable String token, HttpServletResponse response, Model model) {
		if (this.myData.emailIndex(token).isEmpty()) {
			return invalid(response);
		}
		response.setHeader("X-Robots-Tag", NOINDEX);
		model.addAttribute("token", token);
		return "privacy/my-data-delete";
	}

	@PostMapping("/my-data/{token}/delete")
	String delete(@PathVariable String token, HttpServletResponse response) {
		Optional<String> emailIndex = this.myData.emailIndex(token);
		if (emailIndex.isEmpty()) {
			return invalid(response);
		}
		this.myData.forget(emailIndex.get());
		return "redirect:/my-data/deleted";
	}

	@GetMapping("/my-data/deleted")
	String deleted() {
		return "privacy/my-data-deleted";
	}

	private static String invalid(HttpServletResponse response) {
		response.setStatus(HttpStatus.NOT_FOUND.value());
		response.setContentType(MediaType.TEXT_HTML_VALUE + ";charset=UTF-8");
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

	private String text(String[] codes, String otherwise) {
		// the retention period is the one argument some explanations use
		return this.messages.getMessage(new DefaultMessageSourceResolvable(codes, this.retentionDays, otherwise),
				LocaleContextHolder.getLocale());
	}

}
