package org.end287g.toolkit;

import java.util.UUID;

import org.end287g.Staff;
import org.end287g.accounts.AccountDirectory;
import org.end287g.campaigns.Campaigns;
import org.end287g.campaigns.TestCampaigns;
import org.end287g.site.AccessibleHtml;
import org.end287g.tracker.TrackerFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Training lessons: staff write and translate them, leaders read them and their progress
 * ticks the dashboard's checklist.
 */
@SpringBootTest
@AutoConfigureMockMvc
class LessonsTests {

	static final String[] LESSONS = { "how-a-campaign-works", "telling-your-story", "talking-to-neighbours-safely",
			"delivering-a-petition", "talking-to-the-press", "staying-safe-online" };

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Campaigns campaigns;

	@Autowired
	AccountDirectory directory;

	long gaston;

	String original;

	java.util.Map<String, Object> stored;

	@BeforeEach
	void campaignsOfTheFixture() {
		TestCampaigns.clear(this.jdbc);
		new TrackerFixture(this.jdbc).load("COMMAND");
		this.campaigns.createMissing();
		this.gaston = this.campaigns.find(MaterialsTests.GASTON).orElseThrow().id();
		this.stored = this.jdbc
			.sql("select title_en, title_es, body_en, body_es from toolkit_lessons where slug = 'telling-your-story'")
			.query()
			.singleRow();
		this.original = (String) this.stored.get("body_en");
	}

	@AfterEach
	void restoreTheLesson() {
		this.jdbc
			.sql("update toolkit_lessons set title_en = ?, title_es = ?, body_en = ?, body_es = ? "
					+ "where slug = 'telling-your-story'")
			.params(this.stored.get("title_en"), this.stored.get("title_es"), this.stored.get("body_en"),
					this.stored.get("body_es"))
			.update();
	}

	String leaderId() {
		String email = "leader-" + UUID.randomUUID() + "@example.org";
		return this.directory.appointLeader("test-admin", email, "Lea Leader", "en", this.gaston).orElseThrow();
	}

	String html(MockHttpServletRequestBuilder request, int status) throws Exception {
		return this.mvc.perform(request).andExpect(status().is(status)).andReturn().getResponse().getContentAsString();
	}

	@Test
	void readingEveryLessonTicksTheGuideOnTheChecklist() throws Exception {
		String id = leaderId();
		RequestPostProcessor leader = user(id).roles("LEADER");
		String base = "/leader/campaigns/" + this.gaston;
		String dashboard = html(get(base).with(leader), 200);
		assertThat(dashboard).contains("Training lessons: 0 of 6 read");
		String list = html(get(base + "/lessons").with(leader), 200);
		assertThat(list).contains("0 of 6 lessons read", "Telling your story", "Staying safe online");
		assertThat(AccessibleHtml.problems(list)).isEmpty();
		String lesson = html(get(base + "/lessons/talking-to-neighbours-safely").with(leader), 200);
		assertThat(lesson).contains("<h1>Talking to neighbours safely</h1>",
				"<strong>Never ask anyone about their immigration status</strong>");
		assertThat(AccessibleHtml.problems(lesson)).isEmpty();
		assertThat(html(get(base + "/lessons/talking-to-neighbours-safely").param("lang", "es").with(leader), 200))
			.contains("<h1>Hablar con los vecinos de forma segura</h1>");
		for (int i = 0; i < LESSONS.length; i++) {
			String next = (i + 1 < LESSONS.length) ? LESSONS[i + 1] : null;
			MockHttpServletRequestBuilder mark = post(base + "/lessons/" + LESSONS[i]).with(leader)
				.with(csrf())
				.param("read", "true");
			if (next != null) {
				mark.param("next", next);
			}
			this.mvc.perform(mark).andExpect(redirectedUrl(base + "/lessons" + ((next != null) ? "/" + next : "")));
			boolean guide = this.jdbc.sql(
					"select count(*) from leader_training where account_id = ? and campaign_id = ? and step = 'read-guide'")
				.params(id, this.gaston)
				.query(Long.class)
				.single() == 1;
			assertThat(guide).isEqualTo(next == null);
		}
		// twice: nothing more
		this.mvc.perform(post(base + "/lessons/" + LESSONS[0]).with(leader).with(csrf()).param("read", "true"))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.sql("select count(*) from toolkit_lesson_progress where account_id = ?")
			.param(id)
			.query(Long.class)
			.single()).isEqualTo(6);
		assertThat(html(get(base + "/lessons").with(leader), 200)).contains("6 of 6 lessons read",
				"You have read every lesson.");
		assertThat(html(get(base).with(leader), 200)).contains("Training lessons: 6 of 6 read");
		this.mvc.perform(post(base + "/lessons/" + LESSONS[0]).with(leader).with(csrf()).param("read", "false"))
			.andExpect(status().is3xxRedirection());
		assertThat(html(get(base).with(leader), 200)).contains("Training lessons: 5 of 6 read");
	}

	@Test
	void badLessonRequestsAreRefused() throws Exception {
		RequestPostProcessor leader = user(leaderId()).roles("LEADER");
		String base = "/leader/campaigns/" + this.gaston;
		for (String slug : new String[] { "no-such-lesson", "x".repeat(10_000), "<script>" }) {
			this.mvc.perform(get(base + "/lessons/" + slug).with(leader)).andExpect(status().isNotFound());
		}
		for (String read : new String[] { "", "yes", "<script>", "1".repeat(10_000) }) {
			assertThat(html(post(base + "/lessons/" + LESSONS[0]).with(leader).with(csrf()).param("read", read), 400))
				.contains("Choose whether the lesson is read.");
		}
		this.mvc.perform(get(base + "/lessons").with(user("someone").roles("LEADER"))).andExpect(status().isNotFound());
		assertThat(this.jdbc.sql("select count(*) from toolkit_lesson_progress").query(Long.class).single()).isZero();
	}

	@Test
	void staffEditLessonsInBothLanguagesAsSafeMarkdown() throws Exception {
		String list = html(get("/admin/toolkit/lessons").with(Staff.admin()), 200);
		assertThat(list).contains("Telling your story / Contar su historia");
		assertThat(AccessibleHtml.problems(list)).isEmpty();
		String form = html(get("/admin/toolkit/lessons/telling-your-story").with(Staff.admin()), 200);
		assertThat(AccessibleHtml.problems(form)).isEmpty();
		this.mvc.perform(post("/admin/toolkit/lessons/telling-your-story").with(Staff.admin())
			.with(csrf())
			.param("titleEn", "Your story \uD83C\uDF89")
			.param("titleEs", "Su historia")
			.param("bodyEn",
					"## Why\r\n\r\n[bad](javascript:alert(1)) [ok](https://example.org) \u05E9\u05DC\u05D5\u05DD\r\n\r\n<script>alert(1)</script>")
			.param("bodyEs", "Hola")).andExpect(status().is3xxRedirection());
		String lesson = html(get("/leader/campaigns/" + this.gaston + "/lessons/telling-your-story")
			.with(user(leaderId()).roles("LEADER")), 200);
		assertThat(lesson)
			.contains("<h1>Your story \uD83C\uDF89</h1>", "<h2>Why</h2>", "&lt;script&gt;alert(1)&lt;/script&gt;",
					"<a rel=\"noopener\" href=\"https://example.org\">ok</a>", "\u05E9\u05DC\u05D5\u05DD")
			.doesNotContain("<script>alert")
			.doesNotContain("javascript:");
		assertThat(this.jdbc.sql("select count(*) from audit_log where action = 'toolkit.lesson'")
			.query(Long.class)
			.single()).isPositive();
	}

	@Test
	void badLessonTextsAreRefusedAndNothingIsSaved() throws Exception {
		String path = "/admin/toolkit/lessons/telling-your-story";
		String empty = html(post(path).with(Staff.admin()).with(csrf()), 400);
		assertThat(empty).contains("Write the title.", "Write the lesson.", "href=\"#title-en\"");
		assertThat(AccessibleHtml.problems(empty)).isEmpty();
		String bad = html(post(path).with(Staff.admin())
			.with(csrf())
			.param("titleEn", "t".repeat(10_000))
			.param("titleEs", "one\ntwo")
			.param("bodyEn", "b".repeat(20_001))
			.param("bodyEs", "\u202Ehidden"), 400);
		assertThat(bad).contains("The title can have at most 120 characters.", "The title must fit on one line.",
				"The lesson can have at most 20,000 characters.",
				"Remove the invisible or control characters from this text.");
		assertThat(html(post(path).with(Staff.admin()).with(csrf()).header("Accept-Language", "es"), 400))
			.contains("Escriba el título.");
		assertThat(this.jdbc.sql("select body_en from toolkit_lessons where slug = 'telling-your-story'")
			.query(String.class)
			.single()).isEqualTo(this.original);
		this.mvc.perform(post("/admin/toolkit/lessons/nothing").with(Staff.admin()).with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/admin/toolkit/lessons").with(Staff.adminWithoutPasskey()))
			.andExpect(status().isForbidden());
	}

}
