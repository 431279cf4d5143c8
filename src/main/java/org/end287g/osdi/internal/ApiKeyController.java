package org.end287g.osdi.internal;

import java.time.OffsetDateTime;
import java.util.List;

import org.end287g.accounts.OrganizationDirectory;
import org.end287g.accounts.OrganizationDirectory.Partner;
import org.end287g.problems.Problem;
import org.end287g.validation.TypedText;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff give an organization its API keys (each shown once), revoke them, register its
 * webhook (its secret shown once) and see the deliveries that failed. Under /admin: staff
 * signed in with a passkey only.
 */
@Controller
class ApiKeyController {

	private final OrganizationDirectory organizations;

	private final ApiKeys keys;

	private final Webhooks webhooks;

	private final WebhookAddresses addresses;

	private final WebhookOutbox outbox;

	private final JdbcClient jdbc;

	ApiKeyController(OrganizationDirectory organizations, ApiKeys keys, Webhooks webhooks, WebhookAddresses addresses,
			WebhookOutbox outbox, JdbcClient jdbc) {
		this.organizations = organizations;
		this.keys = keys;
		this.webhooks = webhooks;
		this.addresses = addresses;
		this.outbox = outbox;
		this.jdbc = jdbc;
	}

	/** A delivery that failed every attempt. */
	record Failed(long id, String kind, long recordId, int attempts, @Nullable String status, OffsetDateTime at) {
	}

	@GetMapping("/admin/organizations/{id}/api-keys")
	String page(@PathVariable String id, Model model) {
		Partner organization = organization(id);
		model.addAttribute("organization", organization);
		model.addAttribute("keys", this.keys.of(organization.id()));
		model.addAttribute("webhook", this.webhooks.of(organization.id()).orElse(null));
		model.addAttribute("failed", failed(organization.id()));
		model.addAttribute("pending", this.jdbc.sql("""
				select count(*) from osdi_deliveries where organization_id = ? and delivered_at is null
				and failed_at is null""").param(organization.id()).query(Long.class).single());
		if (!model.containsAttribute("url")) {
			model.addAttribute("url", "");
		}
		return "osdi/api-keys";
	}

	@PostMapping("/admin/organizations/{id}/api-keys")
	String create(@PathVariable String id, @RequestParam(name = "label", required = false) @Nullable String label,
			Authentication authentication, Model model, RedirectAttributes redirect) {
		Partner organization = organization(id);
		String typed = TypedText.line((label != null) ? label : "");
		String error = labelError(typed);
		if (error != null) {
			model.addAttribute("labelError", error);
			model.addAttribute("label", typed);
			return page(id, model);
		}
		String key = this.keys.create(organization.id(), typed, authentication.getName());
		redirect.addFlashAttribute("newKey", key);
		return back(organization);
	}

	@PostMapping("/admin/organizations/{id}/api-keys/{key}/revoke")
	String revoke(@PathVariable String id, @PathVariable String key, Authentication authentication,
			RedirectAttributes redirect) {
		Partner organization = organization(id);
		if (!this.keys.revoke(organization.id(), number(key), authentication.getName())) {
			throw Problem.notFound("osdi.keys.error.unknown");
		}
		redirect.addFlashAttribute("notice", "osdi.keys.revoked");
		return back(organization);
	}

	@PostMapping("/admin/organizations/{id}/webhook")
	String webhook(@PathVariable String id, @RequestParam(name = "url", required = false) @Nullable String url,
			Authentication authentication, Model model, RedirectAttributes redirect) {
		Partner organization = organization(id);
		String typed = (url != null) ? url : "";
		try {
			java.net.URI checked = this.addresses.check(typed);
			redirect.addFlashAttribute("newSecret",
					this.webhooks.register(organization.id(), checked, authentication.getName()));
			return back(organization);
		}
		catch (Problem refused) {
			model.addAttribute("urlError", refused.getDetailMessageCode());
			model.addAttribute("urlErrorArguments", refused.getDetailMessageArguments());
			model.addAttribute("url", (typed.length() > WebhookAddresses.MAX_LENGTH) ? "" : typed);
			return page(id, model);
		}
	}

	@PostMapping("/admin/organizations/{id}/webhook/remove")
	String removeWebhook(@PathVariable String id, Authentication authentication, RedirectAttributes redirect) {
		Partner organization = organization(id);
		this.webhooks.remove(organization.id(), authentication.getName());
		redirect.addFlashAttribute("notice", "osdi.webhook.removed");
		return back(organization);
	}

	@PostMapping("/admin/organizations/{id}/deliveries/{delivery}/retry")
	String retry(@PathVariable String id, @PathVariable String delivery, RedirectAttributes redirect) {
		Partner organization = organization(id);
		if (!this.outbox.retry(organization.id(), number(delivery))) {
			throw Problem.notFound("osdi.deliveries.error.unknown");
		}
		redirect.addFlashAttribute("notice", "osdi.deliveries.retried");
		return back(organization);
	}

	private List<Failed> failed(long organizationId) {
		return this.jdbc.sql("""
				select id, kind, record_id, attempts, last_status, failed_at from osdi_deliveries
				where organization_id = ? and failed_at is not null order by failed_at desc, id desc
				fetch first 50 rows only""")
			.param(organizationId)
			.query((rs, n) -> new Failed(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getInt(4), rs.getString(5),
					rs.getObject(6, OffsetDateTime.class)))
			.list();
	}

	private static @Nullable String labelError(String label) {
		if (label.isEmpty()) {
			return "osdi.keys.error.label.empty";
		}
		if (label.length() > ApiKeys.MAX_LABEL) {
			return "osdi.keys.error.label.long";
		}
		if (!label.codePoints().allMatch((c) -> Character.isLetterOrDigit(c) || " .,:;()'&/-_".indexOf(c) >= 0)) {
			return "osdi.keys.error.label.invalid";
		}
		return null;
	}

	private Partner organization(String id) {
		return this.organizations.find(number(id)).orElseThrow(() -> Problem.notFound("osdi.error.organization"));
	}

	private static long number(String value) {
		return (value.length() <= 18 && value.matches("[0-9]+")) ? Long.parseLong(value) : -1;
	}

	private static String back(Partner organization) {
		return "redirect:/admin/organizations/" + organization.id() + "/api-keys";
	}

}
