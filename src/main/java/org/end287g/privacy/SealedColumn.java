package org.end287g.privacy;

import java.util.regex.Pattern;

/**
 * A column holding values sealed with {@link PersonalDataCipher}. Modules declare theirs
 * as beans so that {@code java -jar end287g.jar reseal} re-encrypts them with the current
 * primary key after a key rotation (see docs/security.md).
 *
 * @param table the table
 * @param idColumn its primary key column (one column)
 * @param column the sealed column
 * @param context the context the values were sealed under ("table.column")
 */
public record SealedColumn(String table, String idColumn, String column, String context) {

	private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

	public SealedColumn {
		for (String name : new String[] { table, idColumn, column }) {
			if (name == null || !IDENTIFIER.matcher(name).matches()) {
				throw new IllegalArgumentException("Not a plain SQL identifier: " + name);
			}
		}
		if (context == null || context.isBlank()) {
			throw new IllegalArgumentException("A sealed column needs its context");
		}
	}

}
