package org.end287g.tracker;

import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.modulith.events.core.EventSerializer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event is stored with each of its listeners until they complete, and read back when
 * a server retries them: one stored before it said whether the sheet was applied on top
 * of the history reads as not known, so its followers compare everything.
 */
@SpringBootTest
class IceSheetImportedTests {

	@Autowired
	EventSerializer serializer;

	@Test
	void anEventStoredBeforeItToldHowTheSheetWasAppliedAsksForAComparisonOfEverything() {
		IceSheetImported stored = this.serializer.deserialize(
				"{\"sheetId\":7,\"list\":\"PENDING\",\"publishedAt\":\"2025-06-30T00:00:00\"}", IceSheetImported.class);
		assertThat(stored)
			.isEqualTo(new IceSheetImported(7, "PENDING", LocalDateTime.parse("2025-06-30T00:00"), false));
	}

	@Test
	void anEventReadsBackAsItWasStored() {
		IceSheetImported event = new IceSheetImported(8, "PARTICIPATING", LocalDateTime.parse("2025-07-01T12:00"),
				true);
		assertThat(this.serializer.deserialize(this.serializer.serialize(event), IceSheetImported.class))
			.isEqualTo(event);
		assertThat(new IceSheetImported(8, "PARTICIPATING", LocalDateTime.parse("2025-07-01T12:00")).incremental())
			.isFalse();
	}

}
