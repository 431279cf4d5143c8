package org.end287g.tracker.reading;

import org.end287g.tracker.IceSheetImported;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * A cheap fingerprint of the tracker tables. An import on any app instance adds a sheet
 * and events, so every instance sees a new version once its last reading is older than
 * {@code end287g.tracker.data-version-max-age} (one second by default); the instance that
 * imported sees it at once. A request keeps the version it started with, unless it
 * imported a sheet itself.
 */
@Component
class DataVersion {

	private static final String SQL = """
			select (select count(*) from ice_sheet) as sheets,
			       (select coalesce(max(id), 0) from ice_sheet) as last_sheet,
			       (select coalesce(max(id), 0) from agency) as last_agency,
			       (select coalesce(max(id), 0) from agreement) as last_agreement,
			       (select coalesce(max(id), 0) from agreement_event) as last_event
			""";

	private static final String ATTRIBUTE = DataVersion.class.getName();

	private final JdbcClient jdbc;

	private final long maxAgeNanos;

	private volatile @Nullable Reading last;

	DataVersion(JdbcClient jdbc, TrackerProperties properties) {
		this.jdbc = jdbc;
		this.maxAgeNanos = properties.dataVersionMaxAge().toNanos();
	}

	/** Read once per web request (remembered in the request), else on every call. */
	String current() {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request == null) {
			return recent();
		}
		Object known = request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
		if (known instanceof String version) {
			return version;
		}
		String version = recent();
		request.setAttribute(ATTRIBUTE, version, RequestAttributes.SCOPE_REQUEST);
		return version;
	}

	// first, so listeners that read the tracker after an import see the new data; the
	// request that imported (an upload) sees it too
	@Order(Ordered.HIGHEST_PRECEDENCE)
	@TransactionalEventListener(fallbackExecution = true)
	void forget(IceSheetImported imported) {
		this.last = null;
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null) {
			request.removeAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
		}
	}

	private String recent() {
		Reading reading = this.last;
		long now = System.nanoTime();
		if (reading != null && now - reading.at() < this.maxAgeNanos) {
			return reading.version();
		}
		String version = read();
		this.last = new Reading(version, now);
		return version;
	}

	private String read() {
		return this.jdbc.sql(SQL)
			.query((rs, row) -> rs.getLong(1) + ":" + rs.getLong(2) + ":" + rs.getLong(3) + ":" + rs.getLong(4) + ":"
					+ rs.getLong(5))
			.single();
	}

	private record Reading(String version, long at) {
	}

}
