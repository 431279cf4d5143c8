package org.end287g.notifications.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Renders a mail's subject (message {@code mail.<template>.subject}, its arguments under
 * the model key {@code subjectArgs}) and its plain-text body
 * ({@code templates/mail/<template>.txt}) in the recipient's language.
 */
@Component
class MailTemplates {

	private final SpringTemplateEngine engine;

	private final MessageSource messages;

	MailTemplates(MessageSource messages) {
		this.messages = messages;
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

	String subject(String template, Map<String, Object> model, Locale locale) {
		Object args = model.get("subjectArgs");
		Object[] values = (args instanceof List<?> list) ? list.toArray()
				: (args instanceof Object[] array) ? array : new Object[0];
		return this.messages.getMessage("mail." + template + ".subject", values, locale);
	}

	String body(String template, Map<String, Object> model, Locale locale) {
		return this.engine.process(template, new Context(locale, model));
	}

}
