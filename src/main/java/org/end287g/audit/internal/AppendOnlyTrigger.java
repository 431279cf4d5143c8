package org.end287g.audit.internal;

import java.sql.Connection;
import java.sql.SQLException;

import org.h2.api.Trigger;

/**
 * H2's counterpart of the PostgreSQL trigger that keeps the audit log append-only
 * (db/vendor/h2).
 */
public class AppendOnlyTrigger implements Trigger {

	@Override
	public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
		throw new SQLException("audit_log is append-only");
	}

}
