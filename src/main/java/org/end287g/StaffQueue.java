package org.end287g;

import java.util.List;

/**
 * What one module gives staff to look after, gathered by the staff home ({@code /admin},
 * accounts' page): what waits for a decision, with how many and where to act, and the
 * module's staff pages. Modules of every layer contribute (notifications its failed mail,
 * campaigns its leader requests, possible wins and signing bursts), and accounts, which
 * shows them, uses notifications: so this lives beside the application, outside every
 * module, like {@link SiteAddress}, and no module depends on another to take part. Each
 * call reads the database, so every instance shows the same.
 */
public interface StaffQueue {

	/** What waits for staff now; nothing by default. */
	default List<WaitingWork> waiting() {
		return List.of();
	}

	/** The module's staff pages, linked from the staff home; none by default. */
	default List<StaffPage> pages() {
		return List.of();
	}

	/**
	 * A kind of work that waits for staff.
	 *
	 * @param titleKey the message key that names it ("Leader requests to approve")
	 * @param count how many wait now (zero when none)
	 * @param link the path of the staff page where staff act on it
	 * @param cases a few of the waiting cases with their own pages, such as the campaigns
	 * concerned (at most {@link #MAX_CASES}); empty when the link is enough
	 */
	record WaitingWork(String titleKey, long count, String link, List<Case> cases) {

		/** The most cases a kind of work lists; its page has the rest. */
		public static final int MAX_CASES = 10;

		public WaitingWork {
			requirePath(link);
			if (count < 0) {
				throw new IllegalArgumentException("A count is never negative");
			}
			cases = List.copyOf(cases.subList(0, Math.min(MAX_CASES, cases.size())));
		}

		public WaitingWork(String titleKey, long count, String link) {
			this(titleKey, count, link, List.of());
		}

		public boolean waits() {
			return this.count > 0;
		}

	}

	/**
	 * One waiting case with its own page.
	 *
	 * @param label what the case is called (a campaign's title: data, not a message key)
	 * @param link the path of its staff page
	 */
	record Case(String label, String link) {

		public Case {
			requirePath(link);
		}

	}

	/**
	 * A staff page.
	 *
	 * @param titleKey the message key of its name
	 * @param descriptionKey the message key of one line on what staff do there
	 * @param link its path, under {@code /admin}
	 */
	record StaffPage(String titleKey, String descriptionKey, String link) {

		public StaffPage {
			requirePath(link);
		}

	}

	/** Links are paths of this site, never another site's address. */
	private static void requirePath(String link) {
		if (!link.startsWith("/") || link.startsWith("//")) {
			throw new IllegalArgumentException("A staff link is a path of the site: " + link);
		}
	}

}
