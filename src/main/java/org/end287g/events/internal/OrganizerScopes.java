package org.end287g.events.internal;

import java.util.Set;
import java.util.function.Supplier;

import org.end287g.accounts.Permissions;
import org.end287g.problems.Problem;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Where a person organises events: staff everywhere ({@code /admin/events}, and from the
 * leaders' pages too), a leader the events of the campaigns they lead. Anyone outside the
 * scope gets a 404 (an admin who signed in without a passkey, a 403 that says to sign in
 * with one), for an event that exists as for one that does not.
 */
@Component
class OrganizerScopes {

	private final EventStore store;

	private final Permissions permissions;

	OrganizerScopes(EventStore store, Permissions permissions) {
		this.store = store;
		this.permissions = permissions;
	}

	/**
	 * Where the person organises: staff or the leader of some campaigns; and how an event
	 * outside it is refused.
	 */
	record Scope(String base, boolean staff, Set<Long> campaigns, Supplier<Problem> outside) {

		boolean reaches(Event event) {
			return this.staff || event.campaignIds().stream().anyMatch(this.campaigns::contains);
		}

	}

	/** The scope of the pages at this path (staff's or leaders') for this person. */
	Scope scope(String path, Authentication authentication) {
		if (path.startsWith("/admin/")) {
			// the security rules already require staff (the admin role and a passkey)
			return new Scope("/admin/events", true, Set.of(), OrganizerScopes::unknown);
		}
		if (this.permissions.isStaff(authentication)) {
			// staff reach every event from the leaders' pages too (a QR code opens those)
			return new Scope("/leader/events", true, Set.of(), OrganizerScopes::unknown);
		}
		Set<Long> led = this.permissions.campaignsLed(authentication);
		Supplier<Problem> outside = () -> this.permissions.outsideScope(authentication, "events.error.unknown");
		if (led.isEmpty()) {
			throw outside.get();
		}
		return new Scope("/leader/events", false, led, outside);
	}

	/** The event of an address, when the scope reaches it. */
	Event reachable(Scope scope, String id) {
		if (id == null || !id.matches("[0-9]{1,18}")) {
			throw Problem.notFound("events.error.unknown");
		}
		Event event = this.store.byId(Long.parseLong(id)).orElseThrow(scope.outside());
		if (!scope.reaches(event)) {
			throw scope.outside().get();
		}
		return event;
	}

	private static Problem unknown() {
		return Problem.notFound("events.error.unknown");
	}

}
