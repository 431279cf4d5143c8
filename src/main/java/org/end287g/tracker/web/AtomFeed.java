package org.end287g.tracker.web;

import java.io.StringWriter;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.end287g.tracker.reading.AgreementChange;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;

/** Writes an Atom 1.0 document with a real XML writer, so any text is escaped. */
final class AtomFeed {

	private static final String NS = "http://www.w3.org/2005/Atom";

	/** Characters XML 1.0 cannot carry, which a spreadsheet cell may still contain. */
	private static final Pattern NOT_XML = Pattern
		.compile("[^\\x09\\x0A\\x0D\\x20-\\uD7FF\\uE000-\\uFFFD\\x{10000}-\\x{10FFFF}]");

	private final MessageSource messages;

	private final Locale locale;

	private final String base;

	AtomFeed(MessageSource messages, Locale locale, String base) {
		this.messages = messages;
		this.locale = locale;
		this.base = base;
	}

	String write(Head head, List<AgreementChange> changes, @Nullable LocalDate asOf) throws XMLStreamException {
		StringWriter out = new StringWriter();
		XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
		xml.writeStartDocument("UTF-8", "1.0");
		xml.writeStartElement("feed");
		xml.writeDefaultNamespace(NS);
		xml.writeAttribute("xml:lang", this.locale.getLanguage());
		element(xml, "id", head.id());
		element(xml, "title", head.title());
		LocalDateTime updated = changes.isEmpty()
				? ((asOf != null) ? asOf.atStartOfDay() : LocalDateTime.of(2000, 1, 1, 0, 0))
				: changes.getFirst().occurredAt();
		element(xml, "updated", time(updated));
		link(xml, "self", head.self());
		link(xml, "alternate", head.alternate());
		xml.writeStartElement("author");
		element(xml, "name", "end287g");
		xml.writeEndElement();
		for (AgreementChange change : changes) {
			entry(xml, change);
		}
		xml.writeEndElement();
		xml.writeEndDocument();
		xml.close();
		return out.toString();
	}

	private void entry(XMLStreamWriter xml, AgreementChange change) throws XMLStreamException {
		String agency = (change.agency() != null) ? change.agency().name() : "?";
		String state = (change.agency() != null) ? change.agency().state() : "";
		Object[] args = { agency, state, change.model(), (change.detail() != null) ? change.detail() : "" };
		xml.writeStartElement("entry");
		element(xml, "id", "urn:end287g:event:" + change.id());
		element(xml, "title",
				Objects.requireNonNullElse(
						this.messages.getMessage("event.title." + change.kind(), args, change.kind(), this.locale),
						change.kind()));
		element(xml, "updated", time(change.occurredAt()));
		if (change.agency() != null) {
			link(xml, "alternate", "/agencies/" + change.agency().slug());
		}
		element(xml, "summary",
				Objects.requireNonNullElse(
						this.messages.getMessage("event.summary." + change.kind(), args, change.kind(), this.locale),
						change.kind()));
		xml.writeEndElement();
	}

	private void link(XMLStreamWriter xml, String rel, String path) throws XMLStreamException {
		xml.writeEmptyElement("link");
		xml.writeAttribute("rel", rel);
		xml.writeAttribute("href", this.base + path);
	}

	private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
		xml.writeStartElement(name);
		xml.writeCharacters(NOT_XML.matcher(text).replaceAll(""));
		xml.writeEndElement();
	}

	private static String time(LocalDateTime time) {
		return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time.atOffset(ZoneOffset.UTC));
	}

	/** The feed's identity, title and links (paths relative to the site). */
	record Head(String id, String title, String self, String alternate) {
	}

}
