package org.end287g.help.internal;

import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.end287g.audit.AuditLog;
import org.end287g.places.County;
import org.end287g.places.Places;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The directory of help: entries in the database, checked the same way whether staff type
 * them, an organisation proposes them or a file brings them, and found near a point, in a
 * county or by the jail where someone is held. Entries serve counties; an entry's
 * distance from a point is that of the nearest county it serves (zero in the point's own
 * county), and entries serving the whole country come after those nearby.
 */
@Component
class HelpDirectory {

	/** How far away an entry still counts as near. */
	static final double NEAR_KM = 250 * Places.KM_PER_MILE;

	static final int MAX_COUNTIES = 500;

	static final int MAX_FACILITIES = 100;

	static final int MAX_FACILITY = 200;

	private static final Pattern SEPARATORS = Pattern.compile("[ ,]+");

	private static final Pattern FACILITY_SEPARATORS = Pattern.compile("[\\n;]+");

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

	private final JdbcClient jdbc;

	private final Places places;

	private final Validator validator;

	private final MessageSource messages;

	private final AuditLog audit;

	private final Clock clock = Clock.systemUTC();

	HelpDirectory(JdbcClient jdbc, Places places, Validator validator, MessageSource messages, AuditLog audit) {
		this.jdbc = jdbc;
		this.places = places;
		this.validator = validator;
		this.messages = messages;
		this.audit = audit;
	}

	/**
	 * An entry found for a place, with its distance (null: it serves the whole country).
	 */
	record Found(HelpEntry entry, @Nullable Double km) {

		/** Whole miles, for pages; null for the whole country. */
		public @Nullable Long miles() {
			return (this.km != null) ? Places.miles(this.km) : null;
		}

	}

	/**
	 * What is wrong with the form, by field in the form's order, worded in the language
	 * (the request's, for the messages of the shared constraints); empty when nothing is.
	 * @param except the id of the entry being edited, which may keep its own name
	 */
	Map<String, String> problems(HelpForm form, @Nullable Long except, Locale locale) {
		Map<String, String> found = new LinkedHashMap<>();
		for (ConstraintViolation<HelpForm> violation : this.validator.validate(form)) {
			found.putIfAbsent(violation.getPropertyPath().toString(), violation.getMessage());
		}
		if (!found.containsKey("counties")) {
			List<String> counties = codes(form.counties());
			if (counties.size() > MAX_COUNTIES) {
				found.put("counties", text("help.error.counties.long", locale));
			}
			else {
				counties.stream()
					.filter((fips) -> this.places.county(fips).isEmpty())
					.findFirst()
					.ifPresent((fips) -> found.put("counties", text("help.error.counties.unknown", locale, fips)));
			}
		}
		if (!found.containsKey("facilities")) {
			List<String> facilities = facilities(form.facilities());
			if (facilities.size() > MAX_FACILITIES
					|| facilities.stream().anyMatch((facility) -> facility.length() > MAX_FACILITY)) {
				found.put("facilities", text("help.error.facilities.long", locale));
			}
		}
		if (!found.containsKey("lastChecked") && !form.lastChecked().isEmpty()) {
			LocalDate date = date(form.lastChecked());
			if (date == null || date.isAfter(LocalDate.now(this.clock).plusDays(1)) || date.getYear() < 2000) {
				found.put("lastChecked", text("help.error.date", locale));
			}
		}
		if (!found.containsKey("name") && taken(key(form.name()), except)) {
			found.put("name", text("help.error.duplicate", locale, form.name()));
		}
		Map<String, String> ordered = new LinkedHashMap<>();
		for (String field : HelpForm.FIELDS) {
			if (found.containsKey(field)) {
				ordered.put(field, found.get(field));
			}
		}
		return ordered;
	}

	private boolean taken(String nameKey, @Nullable Long except) {
		return this.jdbc.sql("select count(*) from help_entries where name_key = ? and id <> ?")
			.params(nameKey, (except != null) ? except : -1L)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Stores a checked form as a new entry; returns its id. Staff's entries are audited
	 * under their account, an organisation's proposal under its organiser's; an anonymous
	 * proposal leaves no trace of its visitor.
	 * @param actor the account that acted, null for an anonymous proposal
	 * @param proposedBy the organisation whose organiser proposed it, null otherwise
	 */
	@Transactional
	long create(HelpForm form, boolean approved, @Nullable String actor, @Nullable Long proposedBy) {
		long id = insert(form, approved, proposedBy);
		if (actor != null) {
			this.audit.record(actor, approved ? "help.entry.create" : "help.entry.propose", "help-entry:" + id,
					(proposedBy != null) ? "organization:" + proposedBy : form.kind());
		}
		return id;
	}

	private long insert(HelpForm form, boolean approved, @Nullable Long proposedBy) {
		OffsetDateTime now = OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC);
		this.jdbc.sql("""
				insert into help_entries (name, name_key, kind, languages, cost, counties, facilities, phone, email,
				website, address, hours_en, hours_es, last_checked, approved, proposed_by, created_at, updated_at)
				values (:name, :key, :kind, :languages, :cost, :counties, :facilities, :phone, :email, :website,
				:address, :hoursEn, :hoursEs, :lastChecked, :approved, :proposedBy, :now, :now)""")
			.params(columns(form))
			.param("approved", approved)
			.param("proposedBy", proposedBy)
			.param("now", now)
			.update();
		return this.jdbc.sql("select id from help_entries where name_key = ?")
			.param(key(form.name()))
			.query(Long.class)
			.single();
	}

	/**
	 * Replaces an entry's details by a checked form, auditing the names of the fields it
	 * changed; false when there is no such entry.
	 */
	@Transactional
	boolean update(long id, HelpForm form, String actor) {
		Optional<HelpEntry> before = find(id);
		if (before.isEmpty()) {
			return false;
		}
		boolean updated = this.jdbc.sql("""
				update help_entries set name = :name, name_key = :key, kind = :kind, languages = :languages,
				cost = :cost, counties = :counties, facilities = :facilities, phone = :phone, email = :email,
				website = :website, address = :address, hours_en = :hoursEn, hours_es = :hoursEs,
				last_checked = :lastChecked, updated_at = :now where id = :id""")
			.params(columns(form))
			.param("now", OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC))
			.param("id", id)
			.update() == 1;
		if (updated) {
			this.audit.record(actor, "help.entry.update", "help-entry:" + id,
					String.join(",", changed(columns(HelpForm.of(before.get())), columns(form))));
		}
		return updated;
	}

	private static List<String> changed(Map<String, Object> before, Map<String, Object> after) {
		List<String> changed = new ArrayList<>();
		after.forEach((column, value) -> {
			if (!"key".equals(column) && !java.util.Objects.equals(before.get(column), value)) {
				changed.add(column);
			}
		});
		return changed;
	}

	/**
	 * Stores every form of a file, all or none (the forms were checked), in one audit
	 * entry.
	 */
	@Transactional
	int createAll(List<HelpForm> forms, String actor) {
		List<Long> ids = new ArrayList<>();
		for (HelpForm form : forms) {
			ids.add(insert(form, true, null));
		}
		String range = ids.isEmpty() ? "" : ", ids " + ids.stream().mapToLong(Long::longValue).min().getAsLong()
				+ " to " + ids.stream().mapToLong(Long::longValue).max().getAsLong();
		this.audit.record(actor, "help.entry.import", "help-entries", ids.size() + " entries" + range);
		return forms.size();
	}

	@Transactional
	boolean approve(long id, String actor) {
		boolean approved = this.jdbc
			.sql("update help_entries set approved = true, updated_at = ? where id = ? and approved = false")
			.params(OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC), id)
			.update() == 1;
		if (approved) {
			this.audit.record(actor, "help.entry.approve", "help-entry:" + id, null);
		}
		return approved || find(id).isPresent();
	}

	/**
	 * Deletes an entry: a proposal staff reject, or an entry staff remove; audited as
	 * which it was.
	 */
	@Transactional
	boolean delete(long id, String actor) {
		Optional<HelpEntry> entry = find(id);
		if (entry.isEmpty() || this.jdbc.sql("delete from help_entries where id = ?").param(id).update() != 1) {
			return false;
		}
		this.audit.record(actor, entry.get().approved() ? "help.entry.delete" : "help.entry.reject", "help-entry:" + id,
				null);
		return true;
	}

	Optional<HelpEntry> find(long id) {
		return this.jdbc.sql("select * from help_entries where id = ?").param(id).query(this::entry).optional();
	}

	/** Every entry, proposals waiting first, then by name (staff). */
	List<HelpEntry> all() {
		return this.jdbc.sql("select * from help_entries order by approved, name_key").query(this::entry).list();
	}

	/** The public entries. */
	List<HelpEntry> approved() {
		return this.jdbc.sql("select * from help_entries where approved = true order by name_key")
			.query(this::entry)
			.list();
	}

	long waiting() {
		return this.jdbc.sql("select count(*) from help_entries where approved = false").query(Long.class).single();
	}

	/**
	 * The public entries that serve the county or lie near the point, nearest first
	 * (those serving the county itself first, then by the distance of the nearest county
	 * served, then the whole country), at most {@code limit}.
	 */
	List<Found> near(double latitude, double longitude, @Nullable String countyFips, int limit) {
		List<Found> found = new ArrayList<>();
		for (HelpEntry entry : approved()) {
			if (entry.nationwide()) {
				found.add(new Found(entry, null));
				continue;
			}
			double best = Double.MAX_VALUE;
			for (String fips : entry.counties()) {
				if (fips.equals(countyFips)) {
					best = 0;
					break;
				}
				Optional<County> county = this.places.county(fips);
				if (county.isPresent()) {
					best = Math.min(best,
							Places.distanceKm(latitude, longitude, county.get().latitude(), county.get().longitude()));
				}
			}
			if (best <= NEAR_KM) {
				found.add(new Found(entry, best));
			}
		}
		found.sort(Comparator.comparing((Found f) -> (f.km() != null) ? f.km() : Double.MAX_VALUE)
			.thenComparing((f) -> f.entry().name().toLowerCase(Locale.ROOT)));
		return List.copyOf(found.subList(0, Math.min(limit, found.size())));
	}

	/**
	 * The public entries that serve a detention facility whose name holds the words typed
	 * (ignoring case, accents and punctuation), by name.
	 */
	List<HelpEntry> byFacility(String query) {
		String wanted = key(query);
		if (wanted.isEmpty()) {
			return List.of();
		}
		List<String> words = Arrays.asList(wanted.split(" "));
		return approved().stream()
			.filter((entry) -> entry.facilities().stream().map(HelpDirectory::key).anyMatch((facility) -> {
				List<String> held = Arrays.asList(facility.split(" "));
				return words.stream().allMatch((word) -> held.stream().anyMatch((w) -> w.startsWith(word)));
			}))
			.toList();
	}

	/** Every facility the public entries serve, by name, for the search's suggestions. */
	List<String> facilityNames() {
		return approved().stream()
			.flatMap((entry) -> entry.facilities().stream())
			.distinct()
			.sorted(String.CASE_INSENSITIVE_ORDER)
			.toList();
	}

	/** A name folded for comparison: no accents, case or punctuation. */
	static String key(String name) {
		String plain = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("");
		return NOT_WORD.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
	}

	static List<String> codes(String text) {
		return text.isBlank() ? List.of() : Arrays.stream(SEPARATORS.split(text.strip())).distinct().toList();
	}

	static List<String> facilities(String text) {
		return Arrays.stream(FACILITY_SEPARATORS.split(text))
			.map(String::strip)
			.filter((name) -> !name.isEmpty())
			.distinct()
			.toList();
	}

	static @Nullable LocalDate date(String text) {
		try {
			return text.isEmpty() ? null : LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private Map<String, Object> columns(HelpForm form) {
		Map<String, Object> columns = new LinkedHashMap<>();
		columns.put("name", form.name());
		columns.put("key", key(form.name()));
		columns.put("kind", form.kind());
		columns.put("languages", String.join(" ", codes(form.languages())));
		columns.put("cost", form.cost());
		columns.put("counties", String.join(" ", codes(form.counties())));
		columns.put("facilities", String.join("\n", facilities(form.facilities())));
		columns.put("phone", nullable(form.phone()));
		columns.put("email", nullable(form.email()));
		columns.put("website", nullable(form.website()));
		columns.put("address", nullable(form.address()));
		columns.put("hoursEn", nullable(form.hoursEn()));
		columns.put("hoursEs", nullable(form.hoursEs()));
		columns.put("lastChecked", date(form.lastChecked()));
		return columns;
	}

	private static @Nullable String nullable(String value) {
		return value.isEmpty() ? null : value;
	}

	private HelpEntry entry(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		java.sql.Date checked = rs.getDate("last_checked");
		return new HelpEntry(rs.getLong("id"), rs.getString("name"), HelpKind.valueOf(rs.getString("kind")),
				codes(rs.getString("languages")), HelpCost.valueOf(rs.getString("cost")),
				codes(rs.getString("counties")), facilities(rs.getString("facilities")), rs.getString("phone"),
				rs.getString("email"), rs.getString("website"), rs.getString("address"), rs.getString("hours_en"),
				rs.getString("hours_es"), (checked != null) ? checked.toLocalDate() : null, rs.getBoolean("approved"),
				(rs.getObject("proposed_by") != null) ? rs.getLong("proposed_by") : null);
	}

	private String text(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, locale);
	}

}
