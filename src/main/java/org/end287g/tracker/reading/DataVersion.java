package org.end287g.tracker.reading;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * A cheap fingerprint of the tracker tables, read on every request: an import on any app
 * instance adds a sheet and events, so every instance sees a new version at once.
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

	DataVersion(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Read once per web request (remembered in the request), else on every call. */
	String current() {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request == null) {
			return read();
		}
		Object known = request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
		if (known instanceof String version) {
			return version;
		}
		String version = read();
		request.setAttribute(ATTRIBUTE, version, RequestAttributes.SCOPE_REQUEST);
		return version;
	}

	private String read() {
		return this.jdbc.sql(SQL)
			.query((rs, row) -> rs.getLong(1) + ":" + rs.getLong(2) + ":" + rs.getLong(3) + ":" + rs.getLong(4) + ":"
					+ rs.getLong(5))
			.single();
	}

}
