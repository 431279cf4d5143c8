package org.end287g.impact.internal;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.end287g.site.CacheablePages;
import org.end287g.tracker.TrackerReader;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An agency that ended its agreement before the tracker's data begins (Mecklenburg) still
 * has a page: its address in the tracker's form ({@code /agencies/{slug}}), which the
 * tracker does not know, leads to the story of its win. The tracker knows nothing of this
 * module; an agency the tracker knows always gets the tracker's page.
 */
@Component
@Order(0)
class AgenciesBeforeOurData extends OncePerRequestFilter {

	private static final String PREFIX = "/agencies/";

	private final Wins wins;

	private final TrackerReader tracker;

	AgenciesBeforeOurData(Wins wins, TrackerReader tracker) {
		this.wins = wins;
		this.tracker = tracker;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !"GET".equals(request.getMethod()) || !path.startsWith(PREFIX)
				|| !Checks.SLUG.matcher(path.substring(PREFIX.length())).matches() || path.length() > 220;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String slug = request.getRequestURI().substring(request.getContextPath().length() + PREFIX.length());
		List<Win> won = this.wins.ofAgency(slug);
		if (!won.isEmpty() && this.tracker.agency(slug).isEmpty()) {
			response.sendRedirect(request.getContextPath() + "/wins/" + won.get(0).slug());
			return;
		}
		chain.doFilter(request, response);
	}

	/** The wins pages change only when staff edit a win: the page cache may keep them. */
	@Component
	static class WinsPages implements CacheablePages {

		@Override
		public boolean covers(String path) {
			return "/wins".equals(path) || path.startsWith("/wins/");
		}

	}

}
