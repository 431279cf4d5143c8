package org.end287g.site;

/**
 * Pages of another module that are the same for every anonymous visitor apart from the
 * CSRF token of their forms, so the site's page cache may keep them for a second (see
 * {@code RenderedPageCache}): a module declares them as a bean.
 */
@FunctionalInterface
public interface CacheablePages {

	/** Whether the page at this path (without the query) may be kept. */
	boolean covers(String path);

}
