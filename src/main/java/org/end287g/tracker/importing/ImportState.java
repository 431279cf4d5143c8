package org.end287g.tracker.importing;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.end287g.DatabaseProduct;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the importer knows of the agencies, their names and their agreements: read from
 * the database at the start of an import, changed by the importer as it writes them, and
 * kept for the next sheet. Every sheet used to read the three tables whole (ten thousand
 * agreements, three times) to apply a few dozen changes.
 * <p>
 * It is only a cache. On PostgreSQL, triggers count the transactions that write those
 * tables (V59_2, once a transaction since V62); the copy is used again only when the
 * count is still the one this importer left at the end of its last sheet, so a write by
 * another instance, by staff or by hand, or a rolled-back import, makes the next sheet
 * read the tables again. On other databases (H2 for development and tests) every sheet
 * reads them.
 */
@Component
class ImportState {

	/** An agency as stored: its state, then the details a sheet refreshes. */
	static final class Agency {

		final String state;

		/** name, kind, county_fips, raw_state, raw_name, raw_kind, raw_county, issues. */
		Object[] details;

		Agency(String state, Object[] details) {
			this.state = state;
			this.details = details;
		}

	}

	/**
	 * An agreement as stored: its identity, the details a sheet refreshes, its history.
	 */
	static final class Agreement {

		final long agency;

		final String model;

		/** signed, raw_signed, moa_url, addendum_url. */
		Object[] details;

		Timeline.Stored timeline;

		Agreement(long agency, String model, Object[] details, Timeline.Stored timeline) {
			this.agency = agency;
			this.model = model;
			this.details = details;
			this.timeline = timeline;
		}

	}

	private final JdbcClient jdbc;

	private final boolean counted;

	private final Map<String, Long> names = new HashMap<>();

	private final Map<Long, Agency> agencies = new HashMap<>();

	private final Map<Long, Agreement> agreements = new HashMap<>();

	private final Map<AgencyModel, Long> byAgencyAndModel = new HashMap<>();

	/** An agreement's identity: its agency and model. */
	private record AgencyModel(long agency, String model) {
	}

	private boolean loaded;

	private final AtomicLong loads = new AtomicLong();

	/** The write count this copy matches; null while an import is changing it. */
	private @Nullable Long matches;

	private final TransactionTemplate snapshot;

	ImportState(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.snapshot = new TransactionTemplate(transactions);
		this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		this.snapshot.setReadOnly(true);
		this.counted = DatabaseProduct.isPostgresql(dataSource);
	}

	/**
	 * Makes the copy current, at the start of a sheet's transaction (after the import
	 * lock, before the sheet is stored: the last listings read here are derived from the
	 * accepted sheets): kept when nothing else wrote since this importer's last sheet,
	 * read again otherwise.
	 */
	synchronized void begin() {
		Long count = this.counted ? writes() : null;
		if (!this.loaded || count == null || !count.equals(this.matches)) {
			load();
		}
		this.matches = null;
	}

	/**
	 * Reads the tables ahead of an import, with their write count, in one snapshot: the
	 * command does it while it reads the first workbook, so that sheet's transaction
	 * finds them read (if nothing wrote meanwhile). Nothing to do where writes are not
	 * counted.
	 */
	synchronized void preload() {
		if (this.counted) {
			this.snapshot.executeWithoutResult((status) -> {
				load();
				this.matches = writes();
			});
		}
	}

	/**
	 * Records that the copy matches the tables as the sheet's transaction leaves them; if
	 * it rolls back instead, the count differs and the next sheet reads them again.
	 */
	synchronized void end() {
		this.matches = (this.counted && this.loaded) ? writes() : null;
	}

	/** How many times this instance read the tables whole. */
	long loads() {
		return this.loads.get();
	}

	/** Forgets the copy: the tables were rewritten in a way it does not follow. */
	synchronized void forget() {
		this.loaded = false;
		this.matches = null;
		this.names.clear();
		this.agencies.clear();
		this.agreements.clear();
		this.byAgencyAndModel.clear();
	}

	/**
	 * Agencies by state and normalised name ({@code state|name key}), every known name.
	 */
	Map<String, Long> names() {
		return this.names;
	}

	void nameAdded(String state, String nameKey, long agency) {
		this.names.put(state + "|" + SheetStore.truncate(nameKey, 300), agency);
	}

	void agencyAdded(long id, String state, String name, String kind, @Nullable String countyFips) {
		this.agencies.put(id, new Agency(state, new Object[] { name, kind, countyFips, null, null, null, null, null }));
	}

	@Nullable Agency agency(long id) {
		return this.agencies.get(id);
	}

	void agencyDetailsWritten(long id, Object[] details) {
		Agency agency = this.agencies.get(id);
		if (agency != null) {
			agency.details = details;
		}
	}

	@Nullable Long agreement(long agency, String model) {
		return this.byAgencyAndModel.get(new AgencyModel(agency, model));
	}

	@Nullable Agreement agreement(long id) {
		return this.agreements.get(id);
	}

	void agreementAdded(long id, long agency, String model, LocalDateTime listed) {
		this.byAgencyAndModel.put(new AgencyModel(agency, model), id);
		this.agreements.put(id, new Agreement(agency, model, new Object[4],
				new Timeline.Stored("PENDING", listed, listed, null, null, null, null, false)));
	}

	void agreementDetailsWritten(long id, Object[] details) {
		Agreement agreement = this.agreements.get(id);
		if (agreement != null) {
			agreement.details = details;
		}
	}

	/** The latest listing of any of each agency's agreements. */
	Map<Long, LocalDateTime> lastListedByAgency() {
		Map<Long, LocalDateTime> last = new HashMap<>();
		this.agreements.values().forEach((agreement) -> {
			LocalDateTime listed = agreement.timeline.lastListed();
			if (listed != null) {
				last.merge(agreement.agency, listed, (a, b) -> a.isAfter(b) ? a : b);
			}
		});
		return last;
	}

	/** The stored history of the given agreements that exist. */
	Map<Long, Timeline.Stored> timelines(Collection<Long> ids) {
		Map<Long, Timeline.Stored> timelines = new HashMap<>();
		for (Long id : ids) {
			Agreement agreement = this.agreements.get(id);
			if (agreement != null) {
				timelines.put(id, agreement.timeline);
			}
		}
		return timelines;
	}

	void timelineWritten(long id, Timeline.Stored timeline) {
		Agreement agreement = this.agreements.get(id);
		if (agreement != null) {
			agreement.timeline = new Timeline.Stored(timeline.status(), timeline.firstListed(), timeline.lastListed(),
					timeline.firstPending(), timeline.firstParticipating(), timeline.removedAt(),
					SheetStore.truncate(timeline.listedAs(), 300), timeline.inPending());
		}
	}

	/** Whether two detail rows are equal (the update's last value is its id). */
	static boolean same(Object @Nullable [] stored, Object[] update) {
		return stored != null && Arrays.equals(stored, 0, stored.length, update, 0, update.length - 1);
	}

	private long writes() {
		return this.jdbc.sql("select n from tracker_writes").query(Long.class).single();
	}

	private void load() {
		forget();
		this.loads.incrementAndGet();
		this.jdbc.sql("select state, name_key, agency_id from agency_name")
			.query((rs, n) -> this.names.put(rs.getString(1) + "|" + rs.getString(2), rs.getLong(3)))
			.list();
		this.jdbc
			.sql("select id, state, name, kind, county_fips, raw_state, raw_name, raw_kind, raw_county, issues "
					+ "from agency")
			.query((rs, n) -> {
				Object[] details = new Object[8];
				for (int column = 3; column <= 10; column++) {
					details[column - 3] = rs.getString(column);
				}
				return this.agencies.put(rs.getLong(1), new Agency(rs.getString(2), details));
			})
			.list();
		this.jdbc
			.sql("select a.id, a.agency_id, a.model, a.signed, a.raw_signed, a.moa_url, a.addendum_url, "
					+ Timeline.Stored.COLUMNS + " from " + Timeline.Stored.FROM)
			.query((rs, n) -> {
				long id = rs.getLong(1);
				long agency = rs.getLong(2);
				String model = Objects.requireNonNull(rs.getString(3), "an agreement has a model");
				this.byAgencyAndModel.put(new AgencyModel(agency, model), id);
				return this.agreements.put(id,
						new Agreement(agency, model, new Object[] { rs.getObject(4, LocalDate.class), rs.getString(5),
								rs.getString(6), rs.getString(7) }, Timeline.Stored.read(rs, 8)));
			})
			.list();
		this.loaded = true;
	}

}
