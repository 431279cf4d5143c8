package org.end287g.tracker.reading;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.end287g.tracker.ListedCount;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The national chart stays a few dozen points however long the history grows. */
class ListedChartTests {

	private static final Pattern POINTS = Pattern.compile("points=\"([^\"]*)\"");

	private final ResourceBundleMessageSource messages = messages();

	@Test
	void aThousandDailySheetsAreDrawnOnePointAMonth() {
		List<ListedCount> series = series(1000, 1);
		List<double[]> points = points(ListedChart.svg(series, this.messages, Locale.ENGLISH));
		// 1,000 days from 2025-05-16 span 33 months, plus the first sheet
		assertThat(points).hasSizeBetween(33, 36);
		assertThat(points.getFirst()[0]).isEqualTo(56.0);
		assertThat(points.getLast()[0]).isEqualTo(632.0);
		// the highest count is the last, at the top of the plot
		assertThat(points.getLast()[1]).isEqualTo(16.0);
		assertThat(ListedChart.drawn(series).getLast()).isEqualTo(series.getLast());
	}

	@Test
	void aYearOfSheetsTwiceADayIsDrawnOnePointAWeek() {
		List<ListedCount> series = new ArrayList<>();
		for (int i = 0; i < 730; i++) {
			series.add(new ListedCount(LocalDate.of(2025, 5, 16).plusDays(i / 2), 600 + i));
		}
		List<ListedCount> drawn = ListedChart.drawn(series);
		assertThat(drawn).hasSizeBetween(52, 55);
		assertThat(drawn.getFirst()).isEqualTo(series.getFirst());
		assertThat(drawn.getLast()).isEqualTo(series.getLast());
		assertThat(drawn).isSortedAccordingTo(java.util.Comparator.comparing(ListedCount::publishedOn));
	}

	@Test
	void aShortHistoryKeepsEverySheetAndTheDescriptionCountsThemAll() {
		List<ListedCount> series = series(ListedChart.MAX_POINTS, 2);
		assertThat(ListedChart.drawn(series)).isEqualTo(series);
		String english = ListedChart.svg(series(1000, 1), this.messages, Locale.ENGLISH);
		assertThat(english).contains("across 1,000 published sheets").contains("<title id=\"chart-title\">");
		String spanish = ListedChart.svg(series(1000, 1), this.messages, Locale.forLanguageTag("es"));
		assertThat(spanish).contains("en 1.000 hojas publicadas");
	}

	@Test
	void oneSheetOrNoneStillDraws() {
		assertThat(ListedChart.svg(List.of(), this.messages, Locale.ENGLISH)).isEmpty();
		List<double[]> one = points(ListedChart.svg(series(1, 1), this.messages, Locale.ENGLISH));
		assertThat(one).hasSize(1);
		assertThat(one.getFirst()[0]).isEqualTo(344.0);
	}

	private static List<ListedCount> series(int sheets, int daysApart) {
		List<ListedCount> series = new ArrayList<>();
		for (int i = 0; i < sheets; i++) {
			series.add(new ListedCount(LocalDate.of(2025, 5, 16).plusDays((long) i * daysApart), 600 + 9 * i));
		}
		return series;
	}

	private static List<double[]> points(String svg) {
		Matcher matcher = POINTS.matcher(svg);
		assertThat(matcher.find()).isTrue();
		List<double[]> points = new ArrayList<>();
		for (String pair : matcher.group(1).split(" ")) {
			String[] xy = pair.split(",");
			points.add(new double[] { Double.parseDouble(xy[0]), Double.parseDouble(xy[1]) });
		}
		return points;
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

}
