package org.end287g.tracker.importing;

import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SignedDatesTests {

	@Test
	void readsExcelSerialNumbers() {
		assertThat(SignedDates.parse("45790")).contains(LocalDate.of(2025, 5, 13));
		assertThat(SignedDates.parse("43991.0")).contains(LocalDate.of(2020, 6, 9));
	}

	@Test
	void readsTextWithAndWithoutSeparators() {
		assertThat(SignedDates.parse("5/6/2025")).contains(LocalDate.of(2025, 5, 6));
		assertThat(SignedDates.parse("05/082025")).contains(LocalDate.of(2025, 5, 8));
		assertThat(SignedDates.parse("5/62025")).contains(LocalDate.of(2025, 5, 6));
		assertThat(SignedDates.parse("05062025")).contains(LocalDate.of(2025, 5, 6));
		assertThat(SignedDates.parse("2025-05-06")).contains(LocalDate.of(2025, 5, 6));
		assertThat(SignedDates.parse(" 5/6/25 ")).contains(LocalDate.of(2025, 5, 6));
	}

	@Test
	void refusesImpossibleDates() {
		assertThat(SignedDates.parse("5/6/20026")).isEmpty();
		assertThat(SignedDates.parse("13/45/2025")).isEmpty();
		assertThat(SignedDates.parse("1/1/1995")).isEmpty();
		assertThat(SignedDates.parse("99999")).isEmpty();
		assertThat(SignedDates.parse("link pending")).isEmpty();
		assertThat(SignedDates.parse(null)).isEqualTo(Optional.empty());
	}

}
