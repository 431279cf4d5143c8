package org.end287g.places;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads the tab-separated files under {@code places/} that tools/places/build.mjs
 * generates; the first line of each is a header.
 */
final class PlaceFiles {

	private PlaceFiles() {
	}

	static List<String[]> rows(String name) {
		try (BufferedReader reader = open(name)) {
			List<String[]> rows = new ArrayList<>();
			reader.readLine();
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (!line.isEmpty()) {
					rows.add(line.split("\t", -1));
				}
			}
			return rows;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read places/" + name, ex);
		}
	}

	private static BufferedReader open(String name) throws IOException {
		InputStream in = PlaceFiles.class.getResourceAsStream("/places/" + name);
		if (in == null) {
			throw new IOException("Missing resource places/" + name);
		}
		InputStream data = name.endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
		return new BufferedReader(new InputStreamReader(data, StandardCharsets.UTF_8), 1 << 16);
	}

}
