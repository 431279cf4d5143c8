package org.end287g.tracker.importing;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.end287g.tracker.DateSource;
import org.end287g.tracker.PublishedAt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every name ICE has used for its sheets, and names that are not ICE's. */
class SheetFileNameTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			participatingAgencies05192025am.xlsx              | PARTICIPATING | 2025-05-19T00:00
			participatingAgencies05192025pm.xlsx              | PARTICIPATING | 2025-05-19T12:00
			287gParticipatingAgencies091526pm.xlsx            | PARTICIPATING | 2026-09-15T12:00
			ParticipatingAgency091826am.xlsx                  | PARTICIPATING | 2026-09-18T00:00
			participatingAgencies06222026.xlsx                | PARTICIPATING | 2026-06-22T00:00
			participatingAgencies04212026am 12.15.07 AM.xlsx  | PARTICIPATING | 2026-04-21T00:15:07
			participatingAgencies04212026pm 3.05.59 PM.xlsx   | PARTICIPATING | 2026-04-21T15:05:59
			participatingAgencies05192025am_b.xlsx            | PARTICIPATING | 2025-05-19T00:00
			participatingAgencies05192025am(1).xlsx           | PARTICIPATING | 2025-05-19T00:00
			participatingAgencies05192025am (1).xlsx          | PARTICIPATING | 2025-05-19T00:00
			pendingAgencies06302025am.xlsx                    | PENDING       | 2025-06-30T00:00
			287gPendingAgencies091526pm.xlsx                  | PENDING       | 2026-09-15T12:00
			PendingAgency091826am.xlsx                        | PENDING       | 2026-09-18T00:00
			pendingAgencies06222026_b.xlsx                    | PENDING       | 2026-06-22T00:00
			PENDINGAGENCIES12312025PM.XLSX                    | PENDING       | 2025-12-31T12:00
			""")
	void everyFormIcePublishedGivesItsListAndDate(String fileName, String list, LocalDateTime publishedAt) {
		SheetFileName name = SheetFileName.parse(fileName);
		assertThat(name.list()).isEqualTo(list);
		assertThat(name.publishedAt()).isEqualTo(publishedAt);
		assertThat(name.dateSource()).isEqualTo(DateSource.NAME);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "agencies05192025am.xlsx", "participating.xlsx", "report05192025am.xlsx",
			"participatingAgencies13192025am.xlsx", "participatingAgencies02302025am.xlsx",
			"pendingAgencies00002025pm.xlsx", "participatingAgencies04212026am 13.15.07 AM.xlsx",
			"\u0000participating\u202eAgencies.xlsx" })
	void namesThatAreNotIcesAreRefusedClearly(String fileName) {
		assertThatThrownBy(() -> SheetFileName.parse(fileName)).isInstanceOf(SheetRejected.class)
			.satisfies((ex) -> assertThat(((SheetRejected) ex).messageKey()).startsWith("import.reject."));
	}

	@Test
	void aHugeNameIsRefusedWithoutTroubleAndNullIsNotIces() {
		String huge = "x".repeat(100_000) + "participatingAgencies";
		assertThatThrownBy(() -> SheetFileName.parse(huge)).isInstanceOf(SheetRejected.class);
		assertThatThrownBy(() -> SheetFileName.parse(null, null)).isInstanceOf(SheetRejected.class)
			.satisfies((ex) -> assertThat(((SheetRejected) ex).reason()).isEqualTo(SheetRejected.Reason.BAD_FILE_NAME));
	}

	@Test
	void aNameWithoutADateNeedsAnotherSourceAndSaysWhichGaveIt() {
		assertThatThrownBy(() -> SheetFileName.parse("participatingAgencies.xlsx")).isInstanceOf(SheetRejected.class)
			.satisfies((ex) -> assertThat(((SheetRejected) ex).messageKey()).isEqualTo("import.reject.no-date"));
		LocalDateTime modified = LocalDateTime.parse("2026-09-15T08:30");
		SheetFileName fetched = SheetFileName.parse("287gParticipatingAgencies.xlsx",
				new PublishedAt(modified, DateSource.LAST_MODIFIED));
		assertThat(fetched.publishedAt()).isEqualTo(modified);
		assertThat(fetched.dateSource()).isEqualTo(DateSource.LAST_MODIFIED);
		// a date in the name wins over Last-Modified and the fetch time...
		assertThat(
				SheetFileName.parse("pendingAgencies06302025am.xlsx", new PublishedAt(modified, DateSource.FETCH_TIME))
					.dateSource())
			.isEqualTo(DateSource.NAME);
		// ... but not over the operator's explicit option
		SheetFileName option = SheetFileName.parse("pendingAgencies06302025am.xlsx",
				new PublishedAt(modified, DateSource.OPTION));
		assertThat(option.publishedAt()).isEqualTo(modified);
		assertThat(option.dateSource()).isEqualTo(DateSource.OPTION);
	}

	@Test
	void severalFilesOfOneDayOrderAmThenTimestampsThenPmThenCopies() {
		List<String> expected = List.of("participatingAgencies04212026am.xlsx", "pendingAgencies04212026am.xlsx",
				"participatingAgencies04212026am 12.15.07 AM.xlsx", "participatingAgencies04212026am 9.00.00 AM.xlsx",
				"participatingAgencies04212026pm.xlsx", "participatingAgencies04212026pm_b.xlsx",
				"participatingAgencies04212026pm(1).xlsx", "participatingAgencies04222026.xlsx",
				"participatingAgencies.xlsx");
		List<String> shuffled = new ArrayList<>(expected);
		for (int seed = 0; seed < 20; seed++) {
			Collections.shuffle(shuffled, new java.util.Random(seed));
			assertThat(shuffled.stream().sorted(SheetFileName.ORDER).toList()).isEqualTo(expected);
		}
		assertThat(SheetFileName.suffix("participatingAgencies04212026pm_b.xlsx")).isEqualTo("_b");
		assertThat(SheetFileName.suffix("participatingAgencies04212026am 12.15.07 AM.xlsx")).isEmpty();
	}

}
