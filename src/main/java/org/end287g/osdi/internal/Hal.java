package org.end287g.osdi.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.end287g.problems.Problem;
import org.jspecify.annotations.Nullable;

/** HAL+JSON as OSDI writes it: plain maps in the order fields are put. */
final class Hal {

	static final String MEDIA_TYPE = "application/hal+json";

	static final String ORIGIN = "end287g";

	private Hal() {
	}

	static Map<String, Object> object() {
		return new LinkedHashMap<>();
	}

	static Map<String, Object> link(String href) {
		Map<String, Object> link = object();
		link.put("href", href);
		return link;
	}

	/** OSDI's identifiers: {@code end287g:<kind>-<id>}. */
	static List<String> identifiers(String kind, Object id) {
		return List.of(ORIGIN + ":" + kind + "-" + id);
	}

	static @Nullable String date(@Nullable OffsetDateTime at) {
		return (at != null) ? DateTimeFormatter.ISO_INSTANT.format(at.withOffsetSameInstant(ZoneOffset.UTC)) : null;
	}

	/**
	 * A page of a collection, with OSDI's paging fields and links.
	 * @param self the collection's absolute address, without query
	 */
	static Map<String, Object> collection(String relation, String self, Paging paging, long total,
			List<Map<String, Object>> items) {
		long pages = (total + paging.perPage() - 1) / paging.perPage();
		Map<String, Object> body = object();
		body.put("total_pages", pages);
		body.put("per_page", paging.perPage());
		body.put("page", paging.page());
		body.put("total_records", total);
		Map<String, Object> links = object();
		links.put("self", link(paging.address(self, paging.page())));
		if (paging.page() < pages) {
			links.put("next", link(paging.address(self, paging.page() + 1)));
		}
		if (paging.page() > 1) {
			links.put("prev", link(paging.address(self, (int) Math.min(paging.page() - 1, Math.max(pages, 1)))));
		}
		links.put(relation, items.stream().map(Hal::selfOf).toList());
		body.put("_links", links);
		body.put("_embedded", Map.of(relation, items));
		return body;
	}

	private static Object selfOf(Map<String, Object> item) {
		Object links = item.get("_links");
		Object self = (links instanceof Map<?, ?> map) ? map.get("self") : null;
		return (self != null) ? self : Map.of();
	}

	/** The page asked for ({@code page}, {@code per_page}): numbers, or refused. */
	record Paging(int page, int perPage) {

		static Paging of(@Nullable String page, @Nullable String perPage, int maxPageSize) {
			int number = number(page, 1, 1_000_000);
			int size = Math.min(number(perPage, 25, Integer.MAX_VALUE), maxPageSize);
			return new Paging(number, size);
		}

		int offset() {
			return (this.page - 1) * this.perPage;
		}

		String address(String self, int page) {
			return self + "?page=" + page + "&per_page=" + this.perPage;
		}

		private static int number(@Nullable String value, int absent, int max) {
			if (value == null || value.isEmpty()) {
				return absent;
			}
			if (value.length() > 9 || !value.matches("[0-9]+") || Integer.parseInt(value) < 1
					|| Integer.parseInt(value) > max) {
				throw Problem.badRequest("osdi.error.page");
			}
			return Integer.parseInt(value);
		}

	}

}
