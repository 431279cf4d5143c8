package org.end287g.events.internal;

import java.util.Set;

import org.end287g.accounts.Permissions;
import org.end287g.problems.Problem;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Where a person organises events: staff everywhere ({@code /admin/events}, and from the
 * leaders' pages too), a leader the events of the campaigns they lead. Anyone outside the
 * scope gets a 404.
 */
@Component
class OrganizerScopes {

	private final EventStore store;

	private final Permissions permissions;

	OrganizerScopes(EventStore store, Permissions permissions) {
		this.store = store;
		this.permissions = permissions;
	}

	/** Where the person organises: staff or the leader of some campaigns. */
	record Scope(String base, boolean staff, Set<Long> campaigns) {

		boolean reaches(Event event) {
			return this.staff || event.campaignIds().stream().anyMatch(this.campaigns::contains);
		}

	}

	/** The scope of the pages at this path (staff's or leaders') for this person. */
	Scope scope(String path, Authentication authentication) {
		if (path.startsWith("/admin/")) {
			// the security rules already require an admin signed in with a passkey
			return new Scope("/admin/events", true, Set.of());
		}
		if (this.permissions.isAdmin(authentication)) {
			// staff reach every event from the leaders' pages too (a QR code opens those)
			return new Scope("/leader/events", true, Set.of());
		}
		Set<Long> led = this.permissions.campaignsLed(authentication);
		if (led.isEmpty()) {
			throw Problem.notFound("events.error.unknown");
		}
		return new Scope("/leader/events", false, led);
	}

	/** The event of an address, when the scope reaches it. */
	Event reachable(Scope scope, String id) {
		if (id == null || !id.matches("[0-9]{1,18}")) {
			throw Problem.notFound("events.error.unknown");
		}
		Event event = this.store.byId(Long.parseLong(id)).orElseThrow(() -> Problem.notFound("events.error.unknown"));
		if (!scope.reaches(event)) {
			throw Problem.notFound("events.error.unknown");
		}
		return event;
	}

}
