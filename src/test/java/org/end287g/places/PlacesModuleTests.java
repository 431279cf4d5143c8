package org.end287g.places;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

import static org.assertj.core.api.Assertions.assertThat;

// Same configuration as ApplicationTests, so both share one cached context.
@SpringBootTest
@AutoConfigureMockMvc
class PlacesModuleTests {

	@Autowired
	Places places;

	@Autowired
	Maps maps;

	@Test
	void servesPlacesAndMapsToOtherModules() {
		assertThat(this.places.zip("28052")).map(ZipCode::countyFips).contains("37071");
		assertThat(this.places.matchCounty("AL", "Frankin County")).map(County::fips).contains("01059");
		assertThat(this.maps.stateMap("NC", Map.of(), "North Carolina")).startsWith("<svg").endsWith("</svg>");
	}

}
