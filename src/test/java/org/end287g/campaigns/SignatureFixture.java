package org.end287g.campaigns;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.end287g.accounts.QueuedMail;
import org.end287g.accounts.SignedIn;
import org.end287g.privacy.BlindIndex;
import org.end287g.privacy.PersonalDataCipher;
import org.end287g.tracker.TrackerFixture;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * What the signature tests share: the tracker's fixture with its campaigns, a clean slate
 * of signatures, the signing form's post and the confirmation link from the outbox.
 */
final class SignatureFixture {

	static final String GASTON = "/campaigns/nc-gaston-county-sheriffs-office";

	private static final Pattern CONFIRM = Pattern
		.compile("https?://[^\\s/]+(/campaigns/[a-z0-9-]+/confirm)\\?token=([A-Za-z0-9_.-]+)");

	final MockMvc mvc;

	final JdbcClient jdbc;

	final QueuedMail mail;

	SignatureFixture(MockMvc mvc, JdbcClient jdbc, PersonalDataCipher cipher, BlindIndex index) {
		this.mvc = mvc;
		this.jdbc = jdbc;
		this.mail = new QueuedMail(jdbc, cipher, index);
	}

	/** The tracker's fixture, its campaigns open with the usual goal, no signatures. */
	SignatureFixture reset(Campaigns campaigns) {
		clean();
		new TrackerFixture(this.jdbc).load("COMMAND");
		campaigns.createMissing();
		return this;
	}

	void clean() {
		this.jdbc.sql("delete from signatures").update();
		this.jdbc.sql("delete from signature_counts").update();
		this.jdbc
			.sql("update campaigns set status = 'OPEN', goal = 200, goal_reached_at = null where status <> 'OPEN' "
					+ "or goal <> 200")
			.update();
	}

	long gaston() {
		return this.jdbc.sql("select id from campaigns where slug = 'nc-gaston-county-sheriffs-office'")
			.query(Long.class)
			.single();
	}

	long rows() {
		return this.jdbc.sql("select count(*) from signatures").query(Long.class).single();
	}

	static String newEmail() {
		return "signer-" + UUID.randomUUID() + "@example.org";
	}

	/** A complete, valid form. */
	static Map<String, String> form(String email) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("firstName", "Ana");
		form.put("lastName", "García");
		form.put("email", email);
		form.put("zip", "28052");
		form.put("comment", "");
		return form;
	}

	static MockHttpServletRequestBuilder signing(String campaignPath, Map<String, String> form) {
		MockHttpServletRequestBuilder request = post(campaignPath + "/sign").with(csrf())
			.with(SignedIn.from(SignedIn.newAddress()));
		form.forEach(request::param);
		return request;
	}

	ResultActions sign(Map<String, String> form) throws Exception {
		return this.mvc.perform(signing(GASTON, form));
	}

	/** The path and token of the last confirmation link mailed to the address. */
	String[] confirmation(String email) {
		return link(this.mail.last(email, "signature-confirm").body());
	}

	static String[] link(String body) {
		Matcher link = CONFIRM.matcher(body);
		if (!link.find()) {
			throw new AssertionError("No confirmation link in " + body);
		}
		return new String[] { link.group(1), link.group(2) };
	}

	/** Follows the last confirmation link to the address and presses the button. */
	ResultActions confirm(String email) throws Exception {
		String[] link = confirmation(email);
		return this.mvc
			.perform(post(link[0]).param("token", link[1]).with(csrf()).with(SignedIn.from(SignedIn.newAddress())));
	}

}
