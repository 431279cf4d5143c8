package org.end287g.coalitions.internal;

import java.util.UUID;

import org.end287g.campaigns.signing.StaffTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * What the coalitions tests share: the campaigns of the tracker fixture (Gaston's head
 * typed on the campaign, so a letter has a target), real organizations and organizers,
 * and letters written through the leader's pages.
 */
abstract class CoalitionsTestSupport extends StaffTestSupport {

	static final String HEAD = "Sheriff Alan Cloninger";

	@BeforeEach
	void emptyCoalitions() {
		clearCoalitions();
		this.jdbc.sql("update campaigns set head_title = 'SHERIFF', head_name = ? where slug = ?")
			.params(HEAD, GASTON)
			.update();
	}

	@AfterEach
	void clearCoalitions() {
		for (String table : new String[] { "letter_signatures", "letters", "organization_pages" }) {
			this.jdbc.sql("delete from " + table).update();
		}
	}

	/** A new organization with a unique name; its id. */
	long organization(String name) {
		return this.accounts.organization(name + " " + UUID.randomUUID().toString().substring(0, 8));
	}

	/** A real organizer of the organization, signed in. */
	RequestPostProcessor organizerOf(long organizationId) {
		return organizerOf(organizationId, "organizer-" + UUID.randomUUID() + "@example.org");
	}

	RequestPostProcessor organizerOf(long organizationId, String email) {
		String id = this.accounts.organizer(email, "Organizer", organizationId);
		return user(id).roles("ORGANIZER");
	}

	/** A draft written by the campaign's leader; its id. */
	long draft(long campaignId, RequestPostProcessor leader, String titleEn) throws Exception {
		String location = this.mvc
			.perform(post("/leader/campaigns/" + campaignId + "/letters").with(leader)
				.with(csrf())
				.param("target", "head")
				.param("titleEn", titleEn)
				.param("titleEs", "Ponga fin al 287(g)")
				.param("bodyEn",
						"Dear Sheriff,\n\nWe, the undersigned organisations, ask you to **end** the agreement.")
				.param("bodyEs",
						"Estimado sheriff:\n\nLas organizaciones firmantes le pedimos **terminar** el acuerdo."))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

	/** A letter written and opened by the campaign's leader; its slug. */
	String openLetter(long campaignId, String titleEn) throws Exception {
		RequestPostProcessor leader = leaderOf(campaignId);
		long id = draft(campaignId, leader, titleEn);
		this.mvc
			.perform(post("/leader/campaigns/" + campaignId + "/letters/" + id + "/status").with(leader)
				.with(csrf())
				.param("status", "OPEN"))
			.andReturn();
		return slug(id);
	}

	String slug(long letterId) {
		return this.jdbc.sql("select slug from letters where id = ?").param(letterId).query(String.class).single();
	}

	/** Audit entries of this action about this subject (other tests' entries stay). */
	long audits(String action, String subject) {
		return this.jdbc.sql("select count(*) from audit_log where action = ? and subject = ?")
			.params(action, subject)
			.query(Long.class)
			.single();
	}

	long signatures() {
		return this.jdbc.sql("select count(*) from letter_signatures").query(Long.class).single();
	}

	long letters() {
		return this.jdbc.sql("select count(*) from letters").query(Long.class).single();
	}

}
