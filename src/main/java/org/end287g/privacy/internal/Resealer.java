package org.end287g.privacy.internal;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

import org.end287g.privacy.PersonalDataCipher;
import org.end287g.privacy.SealedColumn;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Re-encrypts every declared {@link SealedColumn} with the primary AEAD key: after a new
 * key is promoted, this leaves nothing sealed with the old one, which may then be
 * deleted. Safe while the site runs: a row is rewritten only if it did not change since
 * it was read, and running it twice does no harm.
 */
@Component
class Resealer {

	private static final int BATCH = 500;

	private final JdbcClient jdbc;

	private final List<SealedColumn> columns;

	private final PersonalDataCipher cipher;

	@Autowired
	Resealer(JdbcClient jdbc, ObjectProvider<SealedColumn> columns, PersonalDataCipher cipher) {
		this(jdbc, columns.orderedStream().toList(), cipher);
	}

	Resealer(JdbcClient jdbc, List<SealedColumn> columns, PersonalDataCipher cipher) {
		this.jdbc = jdbc;
		this.columns = columns;
		this.cipher = cipher;
	}

	List<SealedColumn> columns() {
		return this.columns;
	}

	/** Reseals every column; returns how many values were rewritten. */
	long resealAll(PrintStream out) {
		long total = 0;
		for (SealedColumn column : this.columns) {
			long count = reseal(column);
			out.println("Resealed " + count + " values of " + column.table() + "." + column.column());
			total += count;
		}
		return total;
	}

	long reseal(SealedColumn column) {
		// Keyset pagination over ids of any type (numbers, UUID strings): the first batch
		// has
		// no lower bound.
		String first = "SELECT " + column.idColumn() + " AS id, " + column.column() + " AS sealed FROM "
				+ column.table() + " WHERE " + column.column() + " IS NOT NULL ORDER BY " + column.idColumn()
				+ " LIMIT " + BATCH;
		String next = "SELECT " + column.idColumn() + " AS id, " + column.column() + " AS sealed FROM " + column.table()
				+ " WHERE " + column.column() + " IS NOT NULL AND " + column.idColumn() + " > ? ORDER BY "
				+ column.idColumn() + " LIMIT " + BATCH;
		String update = "UPDATE " + column.table() + " SET " + column.column() + " = ? WHERE " + column.idColumn()
				+ " = ? AND " + column.column() + " = ?";
		long count = 0;
		Object after = null;
		while (true) {
			List<Row> rows = ((after != null) ? this.jdbc.sql(next).param(after) : this.jdbc.sql(first))
				.query((rs, n) -> new Row(rs.getObject("id"), rs.getBytes("sealed")))
				.list();
			for (Row row : rows) {
				byte[] resealed = this.cipher.seal(this.cipher.open(row.sealed(), column.context()), column.context());
				if (!Arrays.equals(resealed, row.sealed())) {
					count += this.jdbc.sql(update).params(resealed, row.id(), row.sealed()).update();
				}
				after = row.id();
			}
			if (rows.size() < BATCH) {
				return count;
			}
		}
	}

	private record Row(Object id, byte[] sealed) {
	}

}
