package org.end287g.campaigns.signing;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.end287g.Staff;
import org.end287g.site.AccessibleHtml;
import org.junit.jupiter.api.Test;

import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Bulk invalidation (preview, confirm, stale), bursts and comment moderation. */
class FraudTests extends StaffTestSupport {

	static final String PAGE = "/admin/campaigns/" + GASTON + "/signatures";

	long counted(long id) {
		return this.jdbc.sql("select coalesce(sum(confirmed), 0) from signature_counts where campaign_id = ?")
			.param(id)
			.query(Long.class)
			.single();
	}

	MockHttpServletRequestBuilder preview(String... params) {
		MockHttpServletRequestBuilder request = post(PAGE + "/preview").with(Staff.admin()).with(csrf());
		for (int i = 0; i < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		return request;
	}

	String body(MockHttpServletRequestBuilder request, int status) throws Exception {
		return this.mvc.perform(request)
			.andExpect(status().is(status))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void aDomainIsPreviewedThenInvalidatedOnceWithTheCountAdjusted() throws Exception {
		long id = gaston().id();
		for (int i = 0; i < 3; i++) {
			signature(id, sig().name("Bot", "Number" + i).email("bot" + i + "@Spam.example").zip("75201"));
		}
		signature(id, sig().email("u1@spam.example").unconfirmed());
		signature(id, sig().email("u2@spam.example").unconfirmed());
		signature(id, sig().email("real@good.example"));
		signature(id, sig().email("other@good.example"));
		count(id, 2, 5);
		long york = this.campaigns.find("sc-york-county-sheriffs-office").orElseThrow().id();
		signature(york, sig().email("bot@spam.example"));

		String preview = body(preview("domain", "@SPAM.example", "reason", "Disposable domain"), 200);
		assertThat(preview)
			.contains("3 confirmed and 2 unconfirmed signatures", "Bot N. (Dallas)",
					"name=\"expectedConfirmed\" value=\"3\"", "Invalidate these 5 signatures")
			.doesNotContain("Number0", "@spam.example\"");
		assertThat(AccessibleHtml.problems(preview)).isEmpty();
		assertThat(counted(id)).isEqualTo(5);

		// one more arrives between the preview and the confirm: confirm again
		signature(id, sig().email("late@spam.example"));
		count(id, 0, 1);
		String stale = body(post(PAGE + "/invalidate").with(Staff.admin())
			.with(csrf())
			.param("domain", "spam.example")
			.param("reason", "Disposable domain")
			.param("expectedConfirmed", "3")
			.param("expectedUnconfirmed", "2"), 409);
		assertThat(stale).contains("changed since your preview", "4 confirmed and 2 unconfirmed");
		assertThat(this.jdbc.sql("select count(*) from signatures where invalidated_at is not null")
			.query(Long.class)
			.single()).isZero();
		assertThat(counted(id)).isEqualTo(6);

		long audited = auditCount("signatures.invalidate");
		this.mvc
			.perform(post(PAGE + "/invalidate").with(Staff.admin())
				.with(csrf())
				.param("domain", "spam.example")
				.param("reason", "Disposable domain")
				.param("expectedConfirmed", "4")
				.param("expectedUnconfirmed", "2"))
			.andExpect(status().is3xxRedirection());
		assertThat(counted(id)).isEqualTo(2);
		assertThat(counted(york)).isZero();
		assertThat(this.jdbc.sql("select count(*) from signatures where campaign_id = ? and invalidated_at is not null")
			.param(id)
			.query(Long.class)
			.single()).isEqualTo(6);
		assertThat(this.jdbc.sql("select count(*) from signatures where campaign_id = ? and invalidated_at is not null")
			.param(york)
			.query(Long.class)
			.single()).isZero();
		String criteria = this.jdbc.sql("select criteria from signature_invalidations where campaign_id = ?")
			.param(id)
			.query(String.class)
			.single();
		assertThat(criteria).startsWith("domain-index=").doesNotContain("spam");
		assertThat(this.jdbc.sql("select affected from signature_invalidations").query(Integer.class).single())
			.isEqualTo(6);
		assertThat(this.jdbc
			.sql("select count(*) from signatures s join signature_invalidations i on i.id = s.invalidation_id")
			.query(Long.class)
			.single()).isEqualTo(6);
		assertThat(auditCount("signatures.invalidate")).isEqualTo(audited + 1);
		// the same confirm again finds nothing left to do
		body(post(PAGE + "/invalidate").with(Staff.admin())
			.with(csrf())
			.param("domain", "spam.example")
			.param("expectedConfirmed", "4")
			.param("expectedUnconfirmed", "2"), 409);
		assertThat(counted(id)).isEqualTo(2);
		assertThat(auditCount("signatures.invalidate")).isEqualTo(audited + 1);
	}

	@Test
	void clientAddressAndTimeRange() throws Exception {
		long id = gaston().id();
		OffsetDateTime base = OffsetDateTime.of(2025, 7, 1, 12, 0, 0, 0, ZoneOffset.UTC);
		signature(id, sig().client("abcdef0123456789").at(base));
		signature(id, sig().client("abcdef0123456789").at(base.plusMinutes(10)));
		signature(id, sig().client("abcdef0123456789").at(base.plusHours(5)));
		signature(id, sig().client("other-client-hash").at(base.plusMinutes(5)));
		count(id, 0, 4);
		assertThat(body(preview("client", "abcdef0123456789"), 200)).contains("3 confirmed and 0 unconfirmed");
		assertThat(body(preview("from", "2025-07-01T12:00", "to", "2025-07-01T12:30"), 200))
			.contains("3 confirmed and 0 unconfirmed");
		String both = body(preview("client", "abcdef0123456789", "from", "2025-07-01T12:00", "to", "2025-07-01T12:30"),
				200);
		assertThat(both).contains("2 confirmed and 0 unconfirmed");
		this.mvc
			.perform(post(PAGE + "/invalidate").with(Staff.admin())
				.with(csrf())
				.param("client", "abcdef0123456789")
				.param("from", "2025-07-01T12:00")
				.param("to", "2025-07-01T12:30")
				.param("expectedConfirmed", "2")
				.param("expectedUnconfirmed", "0"))
			.andExpect(status().is3xxRedirection());
		assertThat(counted(id)).isEqualTo(2);
	}

	@Test
	void badCriteriaAreTranslatedErrorsAndNothingChanges() throws Exception {
		long id = gaston().id();
		signature(id, sig());
		count(id, 0, 1);
		String[][] cases = { {}, { "domain", "not a domain" }, { "domain", "<script>alert(1)</script>" },
				{ "domain", "' OR 1=1 --" }, { "domain", "d".repeat(10_000) }, { "client", "' OR 1=1 --" },
				{ "client", EMOJI }, { "from", "yesterday" }, { "from", "2025-07-01T12:00", "to", "2025-07-01T11:00" },
				{ "domain", "example.com", "reason", "r".repeat(10_000) }, { "domain", HOSTILE_RTL } };
		for (String[] c : cases) {
			String html = body(preview(c), 400);
			assertThat(html).as(String.join("=", c)).contains("field-error").doesNotContain("<script>alert(1)");
			assertThat(AccessibleHtml.problems(html)).isEmpty();
		}
		assertThat(body(preview().param("lang", "es"), 400)).contains("elija al menos un criterio");
		body(post(PAGE + "/invalidate").with(Staff.admin())
			.with(csrf())
			.param("domain", "example.org")
			.param("expectedConfirmed", "x"), 400);
		assertThat(counted(id)).isEqualTo(1);
		this.mvc.perform(preview("domain", "example.org").with(Staff.adminWithoutPasskey()))
			.andExpect(status().isForbidden());
		this.mvc.perform(get(PAGE).with(leaderOf(id))).andExpect(status().isForbidden());
		this.mvc.perform(get("/admin/campaigns/nc-nobody/signatures").with(Staff.admin()))
			.andExpect(status().isNotFound());
	}

	@Test
	void burstsAreFlaggedWithTheirTopClientsAndDomains() throws Exception {
		long id = gaston().id();
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);
		for (int m = 1; m <= 20; m++) {
			signature(id, sig().at(now.minusMinutes(60 + m)).client("steady-" + m));
			signature(id, sig().at(now.minusMinutes(60 + m).plusSeconds(20)).client("steady-" + m));
		}
		OffsetDateTime burst = now.minusMinutes(30);
		for (int i = 0; i < 25; i++) {
			signature(id, sig().at(burst.plusSeconds(i)).client("burst-client-hash").email("b" + i + "@burst.example"));
		}
		String html = body(get(PAGE).with(Staff.admin()), 200);
		assertThat(html).contains("65 signatures in this window; median 2 per minute");
		String row = html
			.substring(html.indexOf(burst.toLocalDateTime().toString().replace('T', ' ').substring(0, 16)));
		assertThat(row.substring(0, 200)).contains("<td>25</td>", "Burst");
		assertThat(html.split("<td>Burst</td>", -1)).hasSize(2);
		int top = html.indexOf("Most frequent client addresses");
		assertThat(html.indexOf("burst-client-hash", top)).isPositive();
		assertThat(html).contains(this.index.ofDomainWithin("campaign:" + id, "burst.example") + "</th>\n\t\t\t<td>25");
		assertThat(AccessibleHtml.problems(html)).isEmpty();
		// an earlier window has none of them
		String earlier = body(get(PAGE + "?from=2020-01-01T00:00&to=2020-01-02T00:00").with(Staff.admin()), 200);
		assertThat(earlier).contains("No signature in this window");
		body(get(PAGE + "?from=garbage&lang=es").with(Staff.admin()), 400);
		// the top client links into the invalidation form
		assertThat(body(get(PAGE + "?client=burst-client-hash").with(Staff.admin()), 200))
			.contains("value=\"burst-client-hash\"");
	}

	@Test
	void commentsAreHiddenAndShownAgainAudited() throws Exception {
		long id = gaston().id();
		long sid = signature(id, sig().comment("Nasty <script>alert(1)</script> " + HOSTILE_RTL, false));
		String html = body(get(PAGE).with(Staff.admin()), 200);
		assertThat(html).contains("Nasty &lt;script&gt;", HOSTILE_RTL, "Hide this comment")
			.doesNotContain("<script>alert(1)");
		long audited = auditCount("signature.comment.hide");
		this.mvc.perform(post(PAGE + "/" + sid + "/comment").with(Staff.admin()).with(csrf()).param("hidden", "true"))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.sql("select comment_hidden from signatures where id = ?")
			.param(sid)
			.query(Boolean.class)
			.single()).isTrue();
		assertThat(auditCount("signature.comment.hide")).isEqualTo(audited + 1);
		assertThat(body(get(PAGE + "?lang=es").with(Staff.admin()), 200)).contains("Mostrar de nuevo este comentario");
		this.mvc.perform(post(PAGE + "/" + sid + "/comment").with(Staff.admin()).with(csrf()).param("hidden", "false"))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.sql("select comment_hidden from signatures where id = ?")
			.param(sid)
			.query(Boolean.class)
			.single()).isFalse();
		// another campaign's signature, or nonsense, is not found
		this.mvc
			.perform(post("/admin/campaigns/sc-york-county-sheriffs-office/signatures/" + sid + "/comment")
				.with(Staff.admin())
				.with(csrf())
				.param("hidden", "true"))
			.andExpect(status().isNotFound());
		this.mvc.perform(post(PAGE + "/x/comment").with(Staff.admin()).with(csrf())).andExpect(status().isNotFound());
	}

}
