package org.end287g.tracker.web;

import java.util.Locale;
import java.util.Optional;

import javax.xml.stream.XMLStreamException;

import org.end287g.problems.Problem;
import org.end287g.tracker.TrackerReader;
import org.end287g.tracker.reading.TrackerQueries;

import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Atom feeds of the latest changes, nationally and per state, in the visitor's language.
 */
@RestController
class FeedController {

	static final int LATEST = 100;

	private static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

	private final TrackerReader reader;

	private final TrackerQueries queries;

	private final ParameterRules rules;

	private final MessageSource messages;

	FeedController(TrackerReader reader, TrackerQueries queries, ParameterRules rules, MessageSource messages) {
		this.reader = reader;
		this.queries = queries;
		this.rules = rules;
		this.messages = messages;
	}

	@GetMapping("/feeds/changes.atom")
	ResponseEntity<String> national(Locale locale) throws XMLStreamException {
		String title = this.messages.getMessage("feed.national", null, locale);
		return atom(new AtomFeed.Head("urn:end287g:feed:changes", title, "/feeds/changes.atom", "/"), Optional.empty(),
				locale);
	}

	@GetMapping("/feeds/states/{code}.atom")
	ResponseEntity<String> state(@PathVariable String code, Locale locale) throws XMLStreamException {
		String state = validState(code);
		String title = this.messages.getMessage("feed.state", new Object[] { state }, locale);
		return atom(new AtomFeed.Head("urn:end287g:feed:state:" + state, title, "/feeds/states/" + state + ".atom",
				"/states/" + state), Optional.of(state), locale);
	}

	private String validState(String code) {
		try {
			return this.rules.state(code);
		}
		catch (Problem ex) {
			throw TrackerProblems.unknownState(code);
		}
	}

	private ResponseEntity<String> atom(AtomFeed.Head head, Optional<String> state, Locale locale)
			throws XMLStreamException {
		String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
		AtomFeed feed = new AtomFeed(this.messages, locale, base);
		return ResponseEntity.ok()
			.contentType(ATOM)
			.body(feed.write(head, this.queries.latestChanges(state, LATEST), this.reader.stats().asOf()));
	}

}
