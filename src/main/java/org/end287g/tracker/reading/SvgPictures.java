package org.end287g.tracker.reading;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.end287g.places.Maps;
import org.end287g.places.UnknownPlace;
import org.end287g.tracker.AgreementFilter;
import org.end287g.tracker.StateTotals;
import org.end287g.tracker.TrackerPictures;
import org.end287g.tracker.TrackerReader;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/** Maps and charts, drawn once per data version and language, then served from memory. */
@Service
class SvgPictures implements TrackerPictures {

	private final TrackerReader reader;

	private final Maps maps;

	private final MessageSource messages;

	private final DataVersion version;

	private final VersionedCache cache;

	SvgPictures(TrackerReader reader, Maps maps, MessageSource messages, DataVersion version, VersionedCache cache) {
		this.reader = reader;
		this.maps = maps;
		this.messages = messages;
		this.version = version;
		this.cache = cache;
	}

	@Override
	public String nationalMap(Locale locale) {
		return this.cache.get(this.version.current(), "map:national:" + locale, () -> {
			Map<String, String> stateLinks = new LinkedHashMap<>();
			for (StateTotals state : this.reader.stateTotals()) {
				stateLinks.put(state.code(), "/states/" + state.code());
			}
			return this.maps.nationalMap(
					CountyShading.shades(this.reader.agreements(AgreementFilter.all()), this.messages, locale),
					stateLinks, this.messages.getMessage("map.national.title", null, locale));
		});
	}

	@Override
	public String stateMap(String stateCode, Locale locale) {
		AgreementFilter filter = new AgreementFilter(Optional.of(stateCode), Optional.empty(), Optional.empty(),
				Optional.empty());
		return this.cache.get(this.version.current(), "map:" + stateCode + ":" + locale, () -> {
			try {
				return this.maps.stateMap(stateCode,
						CountyShading.shades(this.reader.agreements(filter), this.messages, locale),
						this.messages.getMessage("map.state.title", new Object[] { stateCode }, locale));
			}
			catch (UnknownPlace ex) {
				// Territories have no outline: their page shows the tables without a map.
				return "";
			}
		});
	}

	@Override
	public String listedChart(Locale locale) {
		return this.cache.get(this.version.current(), "chart:" + locale,
				() -> ListedChart.svg(this.reader.listedHistory(), this.messages, locale));
	}

}
