package org.end287g.decide.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.end287g.places.Places;
import org.end287g.tracker.TrackerReader;
import org.end287g.validation.CsvText;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The CSV import of one state: the header must be {@link Entry#COLUMNS}; each line is
 * checked, and only a file without a single error is saved, in one transaction (a dry run
 * checks only). Errors name the line, the column and the reason.
 */
@Component
class CsvImport {

	static final int MAX_BYTES = 2_000_000;

	static final int MAX_LINES = 5_000;

	private final Directory directory;

	private final Places places;

	private final TrackerReader tracker;

	private final TransactionTemplate transactions;

	CsvImport(Directory directory, Places places, TrackerReader tracker, TransactionTemplate transactions) {
		this.directory = directory;
		this.places = places;
		this.tracker = tracker;
		this.transactions = transactions;
	}

	/**
	 * One error: a line (0 for the whole file), a column or {@code null}, a message key.
	 */
	record Problem(int line, @Nullable String column, String code) {
	}

	/** The outcome: errors, or what was (or on a dry run would be) saved. */
	record Result(boolean dryRun, int lines, List<Problem> problems, int newOffices, int newHolders, int updated) {

		public boolean saved() {
			return !this.dryRun && this.problems.isEmpty();
		}

	}

	Result run(String actor, String state, byte[] bytes, boolean dryRun) {
		List<Problem> problems = new ArrayList<>();
		if (bytes.length == 0) {
			return failed(dryRun, new Problem(0, null, "decide.csv.empty"));
		}
		if (bytes.length > MAX_BYTES) {
			return failed(dryRun, new Problem(0, null, "decide.csv.tooBig"));
		}
		String text = CsvText.decode(bytes);
		if (text == null) {
			return failed(dryRun, new Problem(0, null, "decide.csv.encoding"));
		}
		List<Record> records;
		try {
			records = CsvText.rows(text)
				.stream()
				.map((row) -> new Record(row.line(), row.cells().toArray(String[]::new)))
				.toList();
		}
		catch (CsvText.Malformed ex) {
			return failed(dryRun, new Problem(ex.line(), null, "decide.csv.quote"));
		}
		if (records.isEmpty() || records.get(0).values().length == 1 && records.get(0).values()[0].isBlank()) {
			return failed(dryRun, new Problem(0, null, "decide.csv.empty"));
		}
		String[] header = Arrays.stream(records.get(0).values()).map(String::strip).toArray(String[]::new);
		if (!Arrays.equals(header, Entry.COLUMNS)) {
			return failed(dryRun, new Problem(1, null, "decide.csv.header"));
		}
		List<Record> lines = records.subList(1, records.size())
			.stream()
			.filter((r) -> !(r.values().length == 1 && r.values()[0].isBlank()))
			.toList();
		if (lines.isEmpty()) {
			return failed(dryRun, new Problem(0, null, "decide.csv.noLines"));
		}
		if (lines.size() > MAX_LINES) {
			return failed(dryRun, new Problem(0, null, "decide.csv.tooManyLines"));
		}
		LocalDate today = this.directory.today();
		List<Entry> entries = new ArrayList<>();
		Map<String, Integer> seen = new HashMap<>();
		for (Record record : lines) {
			if (record.values().length != Entry.COLUMNS.length) {
				problems.add(new Problem(record.line(), null, "decide.csv.columns.count"));
				continue;
			}
			Entry entry = Entry.of(record.values());
			if (!entry.state().equals(state)) {
				problems.add(new Problem(record.line(), "state", "decide.csv.otherState"));
				continue;
			}
			Map<String, String> errors = entry.check(this.places, this.tracker, today);
			errors.forEach((field, code) -> problems.add(new Problem(record.line(), column(field), code)));
			if (errors.isEmpty()) {
				String key = entry.officeKey() + "|" + entry.personName().toLowerCase(java.util.Locale.ROOT) + "|"
						+ entry.termStart();
				Integer earlier = seen.putIfAbsent(key, record.line());
				if (earlier != null) {
					problems.add(new Problem(record.line(), null, "decide.csv.duplicate"));
				}
				entries.add(entry);
			}
			if (problems.size() >= 200) {
				break;
			}
		}
		if (!problems.isEmpty()) {
			return new Result(dryRun, lines.size(), problems, 0, 0, 0);
		}
		if (dryRun) {
			return new Result(true, lines.size(), problems, 0, 0, 0);
		}
		int[] counts = new int[3];
		this.transactions.executeWithoutResult((status) -> {
			for (Entry entry : entries) {
				counts[this.directory.save(actor, entry).ordinal()]++;
			}
		});
		return new Result(false, lines.size(), problems, counts[0], counts[1], counts[2]);
	}

	private static Result failed(boolean dryRun, Problem problem) {
		return new Result(dryRun, 0, List.of(problem), 0, 0, 0);
	}

	private static String column(String field) {
		return Entry.COLUMNS[Arrays.asList(FIELDS).indexOf(field)];
	}

	private static final String[] FIELDS = Arrays.stream(Entry.class.getRecordComponents())
		.map(java.lang.reflect.RecordComponent::getName)
		.toArray(String[]::new);

	/** A record of the file and the line it starts on. */
	record Record(int line, String[] values) {
	}

}
