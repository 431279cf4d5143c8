package org.end287g.accounts.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.end287g.accounts.Roles;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Where a person lands after signing in: where they work when they hold one role (a
 * leader on their campaign's dashboard, or on the list of their campaigns when they lead
 * several; an organizer on /organizer; staff on the staff home), else on their account
 * page, which links every dashboard they may use. An admin who signed in without a
 * passkey is not staff yet: their account page says how to add one.
 * <p>
 * A sign-in link may name its landing ({@code next}, such as the dashboard of the
 * campaign a leader was just approved for): only a path in the areas of the roles is
 * followed, never another site's address.
 */
@Component
class SignInLanding {

	/** Where someone with no role, or several, lands. */
	static final String ACCOUNT = "/account";

	/** The paths a link may land on: the signed-in areas, plain path segments only. */
	private static final Pattern NEXT = Pattern.compile("/(account|leader|organizer|admin)(/[A-Za-z0-9_-]{1,80}){0,4}");

	private final AccountStore store;

	private final JdbcPermissions permissions;

	SignInLanding(AccountStore store, JdbcPermissions permissions) {
		this.store = store;
		this.permissions = permissions;
	}

	/** The landing of this person, read from their active grants. */
	String of(Authentication authentication) {
		if (this.store.byId(authentication.getName()).filter(Account::active).isEmpty()) {
			return ACCOUNT;
		}
		List<Grant> grants = this.store.activeGrants(authentication.getName());
		Set<Roles> roles = EnumSet.noneOf(Roles.class);
		grants.forEach((grant) -> roles.add(grant.role()));
		if (roles.size() != 1) {
			return ACCOUNT;
		}
		return switch (roles.iterator().next()) {
			case ADMIN -> this.permissions.isStaff(authentication) ? "/admin" : ACCOUNT;
			case ORGANIZER -> "/organizer";
			case LEADER -> leader(grants);
		};
	}

	/** The one campaign's dashboard, or the list of them. */
	private static String leader(List<Grant> grants) {
		List<Long> campaigns = grants.stream().map(Grant::campaignId).distinct().toList();
		return (campaigns.size() == 1 && campaigns.get(0) != null) ? "/leader/campaigns/" + campaigns.get(0)
				: "/leader";
	}

	/** A landing a link asked for, when it is one to follow; else {@code null}. */
	static @Nullable String next(@Nullable String next) {
		return (next != null && next.length() <= 200 && NEXT.matcher(next).matches()) ? next : null;
	}

}
