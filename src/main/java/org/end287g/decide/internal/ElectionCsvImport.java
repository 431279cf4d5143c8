package org.end287g.decide.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.end287g.validation.CsvText;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The elections CSV of one state: the header must be {@link ElectionLine#COLUMNS}; one
 * line per candidate (or an election without candidates yet), each office already in the
 * directory. Only a file without a single error is saved, in one transaction; a dry run
 * checks only. Errors name the line, the column and the reason.
 */
@Component
class ElectionCsvImport {

	private final ElectionStore store;

	private final TransactionTemplate transactions;

	ElectionCsvImport(ElectionStore store, TransactionTemplate transactions) {
		this.store = store;
		this.transactions = transactions;
	}

	/** The outcome: errors, or what was (or on a dry run would be) saved. */
	record Result(boolean dryRun, int lines, List<CsvImport.Problem> problems, int newElections, int newCandidates,
			int updated) {

		public boolean saved() {
			return !this.dryRun && this.problems.isEmpty();
		}

		static Result failed(boolean dryRun, String code) {
			return new Result(dryRun, 0, List.of(new CsvImport.Problem(0, null, code)), 0, 0, 0);
		}

	}

	private record Checked(long office, ElectionLine line) {
	}

	Result run(String actor, String state, byte[] bytes, boolean dryRun) {
		if (bytes.length == 0) {
			return Result.failed(dryRun, "decide.csv.empty");
		}
		if (bytes.length > CsvImport.MAX_BYTES) {
			return Result.failed(dryRun, "decide.csv.tooBig");
		}
		String text = CsvText.decode(bytes);
		if (text == null) {
			return Result.failed(dryRun, "decide.csv.encoding");
		}
		List<CsvText.Row> rows;
		try {
			rows = CsvText.rows(text);
		}
		catch (CsvText.Malformed ex) {
			return new Result(dryRun, 0, List.of(new CsvImport.Problem(ex.line(), null, "decide.csv.quote")), 0, 0, 0);
		}
		if (rows.isEmpty() || blank(rows.get(0))) {
			return Result.failed(dryRun, "decide.csv.empty");
		}
		String[] header = rows.get(0).cells().stream().map(String::strip).toArray(String[]::new);
		if (!Arrays.equals(header, ElectionLine.COLUMNS)) {
			return new Result(dryRun, 0, List.of(new CsvImport.Problem(1, null, "decide.elections.csv.header")), 0, 0,
					0);
		}
		List<CsvText.Row> lines = rows.subList(1, rows.size()).stream().filter((r) -> !blank(r)).toList();
		if (lines.isEmpty()) {
			return Result.failed(dryRun, "decide.csv.noLines");
		}
		if (lines.size() > CsvImport.MAX_LINES) {
			return Result.failed(dryRun, "decide.csv.tooManyLines");
		}
		List<CsvImport.Problem> problems = new ArrayList<>();
		List<Checked> checked = check(state, lines, problems);
		if (!problems.isEmpty() || dryRun) {
			return new Result(dryRun, lines.size(), problems, 0, 0, 0);
		}
		int[] counts = new int[3];
		this.transactions.executeWithoutResult((status) -> {
			for (Checked c : checked) {
				ElectionStore.Saved saved = this.store.save(actor, c.office(), c.line());
				counts[0] += saved.newElection() ? 1 : 0;
				counts[1] += saved.newCandidate() ? 1 : 0;
				counts[2] += (saved.newElection() || saved.newCandidate()) ? 0 : 1;
			}
		});
		return new Result(false, lines.size(), problems, counts[0], counts[1], counts[2]);
	}

	private List<Checked> check(String state, List<CsvText.Row> lines, List<CsvImport.Problem> problems) {
		LocalDate today = this.store.today();
		List<Checked> checked = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		Map<String, ElectionLine> elections = new HashMap<>();
		for (CsvText.Row row : lines) {
			if (problems.size() >= 200) {
				break;
			}
			if (row.cells().size() != ElectionLine.COLUMNS.length) {
				problems.add(new CsvImport.Problem(row.line(), null, "decide.csv.columns.count"));
				continue;
			}
			ElectionLine line = ElectionLine.of(row.cells().toArray(String[]::new));
			Map<String, String> errors = line.check(today);
			errors.forEach((field, code) -> problems.add(new CsvImport.Problem(row.line(), column(field), code)));
			if (!errors.isEmpty()) {
				continue;
			}
			Long office = this.store.office(line.officeKey(state)).orElse(null);
			if (office == null) {
				problems.add(new CsvImport.Problem(row.line(), "office_name", "decide.elections.csv.office"));
				continue;
			}
			String election = office + "|" + line.generalDate();
			if (!seen.add(election + "|" + line.candidateKey())) {
				problems.add(new CsvImport.Problem(row.line(), null, "decide.elections.csv.duplicate"));
				continue;
			}
			ElectionLine first = elections.putIfAbsent(election, line);
			if (first != null && !first.sameDates(line)) {
				problems.add(new CsvImport.Problem(row.line(), null, "decide.elections.csv.dates"));
				continue;
			}
			checked.add(new Checked(office, line));
		}
		return checked;
	}

	private static boolean blank(CsvText.Row row) {
		return row.cells().size() == 1 && row.cells().get(0).isBlank();
	}

	private static final List<String> FIELDS = Arrays.stream(ElectionLine.class.getRecordComponents())
		.map(java.lang.reflect.RecordComponent::getName)
		.toList();

	private static String column(String field) {
		return ElectionLine.COLUMNS[FIELDS.indexOf(field)];
	}

}
