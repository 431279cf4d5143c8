package org.end287g.tracker.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.xml.stream.XMLStreamException;

import org.end287g.places.County;
import org.end287g.places.Places;
import org.end287g.problems.Problem;
import org.end287g.tracker.TrackerReader;
import org.end287g.tracker.reading.AgreementChange;
import org.end287g.tracker.reading.TrackerQueries;

import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Atom feeds of the latest changes, nationally, per state and per county, in the
 * visitor's language.
 */
@RestController
class FeedController {

	static final int LATEST = 100;

	private static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

	private final TrackerReader reader;

	private final TrackerQueries queries;

	private final ParameterRules rules;

	private final MessageSource messages;

	private final Places places;

	FeedController(TrackerReader reader, TrackerQueries queries, ParameterRules rules, MessageSource messages,
			Places places) {
		this.reader = reader;
		this.queries = queries;
		this.places = places;
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

	@GetMapping("/feeds/counties/{fips}.atom")
	ResponseEntity<String> county(@PathVariable String fips, Locale locale) throws XMLStreamException {
		County county = this.places.county(this.rules.county(fips)).orElseThrow();
		String title = this.messages.getMessage("feed.county", new Object[] { county.name(), county.stateCode() },
				locale);
		AtomFeed.Head head = new AtomFeed.Head("urn:end287g:feed:county:" + county.fips(), title,
				"/feeds/counties/" + county.fips() + ".atom", "/near?county=" + county.fips());
		return atom(head, this.queries.latestChangesInCounty(county.fips(), LATEST), locale);
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
		return atom(head, this.queries.latestChanges(state, LATEST), locale);
	}

	private ResponseEntity<String> atom(AtomFeed.Head head, List<AgreementChange> changes, Locale locale)
			throws XMLStreamException {
		String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
		AtomFeed feed = new AtomFeed(this.messages, locale, base);
		return ResponseEntity.ok().contentType(ATOM).body(feed.write(head, changes, this.reader.stats().asOf()));
	}

}
