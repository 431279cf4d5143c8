package org.end287g.accounts.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.end287g.audit.AuditLog;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * Organizers' and leaders' pages. Every id in an address is checked against the person's
 * grants in the database; someone else's organization or campaign is "not found" (404),
 * which does not even confirm that it exists.
 */
@Controller
@ConditionalOnWebApplication
class ScopedController {

	private final JdbcPermissions permissions;

	private final AccountStore store;

	private final AuditLog audit;

	ScopedController(JdbcPermissions permissions, AccountStore store, AuditLog audit) {
		this.permissions = permissions;
		this.store = store;
		this.audit = audit;
	}

	/** A campaign the person leads, with its title when the campaign has one. */
	public record Led(long id, @Nullable String title) {

	}

	/** A member of an organization as its organizers see them. */
	public record Member(@Nullable String name, Grant grant) {

	}

	@GetMapping("/organizer")
	String organizer(Authentication authentication, Model model) {
		model.addAttribute("organizations",
				this.permissions.organizationsOf(authentication)
					.stream()
					.map(this.store::organization)
					.flatMap(java.util.Optional::stream)
					.toList());
		return "accounts/organizer";
	}

	@GetMapping("/organizer/organizations/{id}")
	String organization(Authentication authentication, @PathVariable("id") String id, Model model) {
		long organization = mine(authentication, id);
		model.addAttribute("organization",
				this.store.organization(organization).orElseThrow(ScopedController::notFound));
		model.addAttribute("members", members(organization));
		return "accounts/organization";
	}

	/**
	 * The members as CSV, for the organization's own records; an export of personal data,
	 * so it is audited.
	 */
	@PostMapping("/organizer/organizations/{id}/export")
	ResponseEntity<byte[]> export(Authentication authentication, @PathVariable("id") String id) {
		long organization = mine(authentication, id);
		StringBuilder csv = new StringBuilder("name,role\r\n");
		for (Member member : members(organization)) {
			csv.append(cell(member.name())).append(',').append(member.grant().role()).append("\r\n");
		}
		this.audit.record(authentication.getName(), "personal-data.export", Long.toString(organization),
				"organization members=" + members(organization).size());
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename("organization-" + organization + ".csv")
						.build()
						.toString())
			.body(csv.toString().getBytes(StandardCharsets.UTF_8));
	}

	@GetMapping("/leader")
	String leader(Authentication authentication, Model model) {
		java.util.Set<Long> led = this.permissions.campaignsLed(authentication);
		java.util.Map<Long, String> titles = this.store.campaignTitles(led);
		model.addAttribute("campaigns", led.stream().map((id) -> new Led(id, titles.get(id))).toList());
		model.addAttribute("passkeyForStaff", this.permissions.wouldBeStaffWithAPasskey(authentication));
		return "accounts/leader";
	}

	private long mine(Authentication authentication, String id) {
		Long organization = Ids.parse(id);
		if (organization == null || !this.permissions.organizes(authentication, organization)) {
			throw notFound();
		}
		return organization;
	}

	private List<Member> members(long organization) {
		return this.store.organizationGrants(organization)
			.stream()
			.map((grant) -> new Member(this.store.byId(grant.accountId()).map(Account::name).orElse(null), grant))
			.toList();
	}

	/** A CSV cell that a spreadsheet will not run as a formula. */
	static String cell(@Nullable String value) {
		String text = (value != null) ? value : "";
		if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
			text = "'" + text;
		}
		return "\"" + text.replace("\"", "\"\"") + "\"";
	}

	private static ResponseStatusException notFound() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND);
	}

}
