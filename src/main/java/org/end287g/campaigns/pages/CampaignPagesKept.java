package org.end287g.campaigns.pages;

import java.util.regex.Pattern;

import org.end287g.site.CacheablePages;

import org.springframework.stereotype.Component;

/**
 * The list of campaigns and each campaign's page are the same for every anonymous visitor
 * but for the signing form's CSRF token, so the site's page cache keeps them for a
 * second: the page a viral share opens is rendered about once a second per language and
 * address.
 */
@Component
class CampaignPagesKept implements CacheablePages {

	private static final Pattern PAGES = Pattern.compile("/campaigns(/[^/]+)?");

	@Override
	public boolean covers(String path) {
		return PAGES.matcher(path).matches();
	}

}
