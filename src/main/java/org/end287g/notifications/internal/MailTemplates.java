package org.end287g.notifications.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.end287g.privacy.PersonalDataLinks;
import org.jspecify.annotations.Nullable;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Renders a mail's subject (message {@code mail.<template>.subject}, its arguments under
 * the model key {@code subjectArgs}) and its plain-text body
 * ({@code templates/mail/<template>.txt}) in the recipient's language, followed by the
 * footer every message carries ({@code templates/mail/footer.txt}): why the person got
 * it, the link to their data and, for mail of a category, the unsubscribe link.
 */
@Component
class MailTemplates {

	private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

	/** Control characters (CR and LF above all) never reach a header. */
	private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\u2028\\u2029\\u0085]+");

	static final int MAX_SUBJECT_CHARS = 200;

	private final SpringTemplateEngine engine;

	private final MessageSource messages;

	private final long myDataDays;

	MailTemplates(MessageSource messages, PersonalDataLinks myData) {
		this.messages = messages;
		this.myDataDays = myData.validity().toDays();
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/mail/");
		resolver.setSuffix(".txt");
		resolver.setTemplateMode(TemplateMode.TEXT);
		resolver.setCharacterEncoding("UTF-8");
		resolver.setCacheable(true);
		this.engine = new SpringTemplateEngine();
		this.engine.setTemplateResolver(resolver);
		this.engine.setTemplateEngineMessageSource(messages);
	}

	/** Template and category names are code, never input: letters, digits, dashes. */
	static boolean isName(String name) {
		return name != null && NAME.matcher(name).matches();
	}

	/**
	 * One line, at most {@value #MAX_SUBJECT_CHARS} characters, whatever the model holds.
	 */
	String subject(String template, Map<String, Object> model, Locale locale) {
		Object args = model.get("subjectArgs");
		Object[] values = (args instanceof List<?> list) ? list.toArray()
				: (args instanceof Object[] array) ? array : new Object[0];
		String subject = CONTROL.matcher(this.messages.getMessage("mail." + template + ".subject", values, locale))
			.replaceAll(" ")
			.strip();
		return (subject.length() > MAX_SUBJECT_CHARS)
				? subject.substring(0, MAX_SUBJECT_CHARS - 1).stripTrailing() + "\u2026" : subject;
	}

	String body(String template, Map<String, Object> model, Locale locale) {
		return this.engine.process(template, new Context(locale, model));
	}

	/**
	 * The footer: the reason is message {@code mail.<template>.reason} when it exists,
	 * else the general one for asked-for or category mail.
	 */
	String footer(String template, @Nullable String category, Locale locale, String myDataLink,
			@Nullable String unsubscribeLink) {
		String general = (category != null) ? "mail.footer.reason.category" : "mail.footer.reason.transactional";
		String reason = this.messages.getMessage("mail." + template + ".reason", null, null, locale);
		Map<String, Object> model = new HashMap<>();
		model.put("reason", (reason != null) ? reason : this.messages.getMessage(general, null, locale));
		model.put("myData", myDataLink);
		model.put("myDataDays", this.myDataDays);
		model.put("unsubscribe", unsubscribeLink);
		return this.engine.process("footer", new Context(locale, model));
	}

}
