package org.end287g.campaigns.leaders;

import java.util.List;

import org.end287g.audit.AuditLog;
import org.end287g.problems.Problem;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff review "become a leader" requests (/admin/** is for admins with a passkey). The
 * list shows decrypted personal data, so every reading is audited.
 */
@Controller
class LeaderAdminController {

	private final LeaderApplications applications;

	private final LeaderApplicationRecords records;

	private final AuditLog audit;

	LeaderAdminController(LeaderApplications applications, LeaderApplicationRecords records, AuditLog audit) {
		this.applications = applications;
		this.records = records;
		this.audit = audit;
	}

	@GetMapping("/admin/leaders")
	String pending(Authentication authentication, Model model) {
		List<LeaderApplicationRecords.Application> pending = this.records.pending();
		this.audit.record(authentication.getName(), "personal-data.read", "leader-applications",
				"pending=" + pending.size());
		model.addAttribute("applications", pending);
		return "admin/leaders";
	}

	@PostMapping("/admin/leaders/{id}/approve")
	String approve(Authentication authentication, @PathVariable String id, RedirectAttributes redirect) {
		return decide(authentication, id, true, redirect);
	}

	@PostMapping("/admin/leaders/{id}/decline")
	String decline(Authentication authentication, @PathVariable String id, RedirectAttributes redirect) {
		return decide(authentication, id, false, redirect);
	}

	private String decide(Authentication authentication, String id, boolean approve, RedirectAttributes redirect) {
		Long application = DashboardIds.parse(id);
		if (application == null) {
			throw Problem.notFound("campaigns.error.unknown");
		}
		String notice;
		try {
			notice = switch (this.applications.decide(authentication.getName(), application, approve)) {
				case DONE -> approve ? "leaders.admin.approved" : "leaders.admin.declined";
				case NOT_PENDING -> "leaders.admin.notPending";
			};
		}
		catch (LeaderApplications.AccountDisabled ex) {
			notice = "leaders.admin.disabled";
		}
		redirect.addFlashAttribute("notice", notice);
		return "redirect:/admin/leaders";
	}

}
