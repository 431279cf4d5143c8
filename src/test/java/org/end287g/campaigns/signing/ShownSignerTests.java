package org.end287g.campaigns.signing;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** "María G., Gastonia · 2 h ago": how long ago a shown signer confirmed, in one unit. */
class ShownSignerTests {

	static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");

	@Test
	void theLargestWholeUnitIsShown() {
		assertThat(ago(Duration.ofSeconds(20))).isEqualTo("signatures.ago.now 0");
		assertThat(ago(Duration.ofMinutes(59))).isEqualTo("signatures.ago.minutes 59");
		assertThat(ago(Duration.ofMinutes(125))).isEqualTo("signatures.ago.hours 2");
		assertThat(ago(Duration.ofHours(47))).isEqualTo("signatures.ago.hours 47");
		assertThat(ago(Duration.ofDays(3).plusHours(5))).isEqualTo("signatures.ago.days 3");
	}

	@Test
	void aClockBehindTheDatabaseOrNoTimeSaysJustNow() {
		assertThat(ago(Duration.ofMinutes(-5))).isEqualTo("signatures.ago.now 0");
		SignaturePage.ShownSigner shown = SignaturePage.shown(new SignatureWall.Signer("Ana G.", "Gastonia", null),
				NOW);
		assertThat(shown.agoKey()).isEqualTo("signatures.ago.now");
		assertThat(shown.name()).isEqualTo("Ana G.");
		assertThat(shown.city()).isEqualTo("Gastonia");
	}

	private static String ago(Duration ago) {
		SignaturePage.ShownSigner shown = SignaturePage
			.shown(new SignatureWall.Signer("Ana G.", "Gastonia", NOW.minus(ago)), NOW);
		return shown.agoKey() + " " + shown.ago();
	}

}
