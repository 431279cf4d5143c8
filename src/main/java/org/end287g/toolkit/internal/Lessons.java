package org.end287g.toolkit.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.end287g.audit.AuditLog;
import org.end287g.campaigns.LeaderChecklist;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The training lessons (staff write and translate them) and each leader's progress per
 * campaign. Reading every lesson ticks "read the leader guide" on the dashboard's
 * checklist. Named {@code leaderLessons} so the dashboard's fragment can ask for the
 * progress.
 */
@Component("leaderLessons")
class Lessons {

	static final int MAX_TITLE = 120;

	static final int MAX_BODY = 20_000;

	/** A lesson in both languages. */
	record Lesson(String slug, int position, String titleEn, String titleEs, String bodyEn, String bodyEs) {

		String title(String language) {
			return "es".equals(language) ? this.titleEs : this.titleEn;
		}

		String body(String language) {
			return "es".equals(language) ? this.bodyEs : this.bodyEn;
		}

	}

	/** How far a leader is: lessons read of all. */
	public record Progress(int read, int total) {

		public boolean finished() {
			return this.total > 0 && this.read >= this.total;
		}

	}

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final LeaderChecklist checklist;

	Lessons(JdbcClient jdbc, AuditLog audit, LeaderChecklist checklist) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.checklist = checklist;
	}

	List<Lesson> all() {
		return this.jdbc.sql("select * from toolkit_lessons order by position, slug")
			.query((rs, n) -> new Lesson(rs.getString("slug"), rs.getInt("position"), rs.getString("title_en"),
					rs.getString("title_es"), rs.getString("body_en"), rs.getString("body_es")))
			.list();
	}

	/** The lesson with this slug; empty for anything else, malformed included. */
	Optional<Lesson> find(String slug) {
		if (slug == null || slug.length() > 40) {
			return Optional.empty();
		}
		return all().stream().filter((lesson) -> lesson.slug().equals(slug)).findFirst();
	}

	Set<String> read(String accountId, long campaignId) {
		return Set.copyOf(this.jdbc
			.sql("select lesson_slug from toolkit_lesson_progress where account_id = ? and campaign_id = ?")
			.params(accountId, campaignId)
			.query(String.class)
			.list());
	}

	/** The signed-in leader's progress on a campaign (for the dashboard). */
	public Progress progressOfCurrentLeader(long campaignId) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		int total = all().size();
		if (authentication == null) {
			return new Progress(0, total);
		}
		return new Progress(read(authentication.getName(), campaignId).size(), total);
	}

	/**
	 * Marks a lesson read or unread (idempotent); once every lesson is read, the
	 * checklist's "read the leader guide" is done too.
	 */
	@Transactional
	Progress mark(String accountId, long campaignId, String slug, boolean read) {
		if (read) {
			this.jdbc.sql("""
					insert into toolkit_lesson_progress (account_id, campaign_id, lesson_slug, completed_at)
					values (?, ?, ?, ?) on conflict do nothing""")
				.params(accountId, campaignId, slug, OffsetDateTime.now(ZoneOffset.UTC))
				.update();
		}
		else {
			this.jdbc
				.sql("delete from toolkit_lesson_progress where account_id = ? and campaign_id = ? and lesson_slug = ?")
				.params(accountId, campaignId, slug)
				.update();
		}
		Progress progress = new Progress(read(accountId, campaignId).size(), all().size());
		if (progress.finished()) {
			this.checklist.complete(accountId, campaignId, LeaderChecklist.READ_GUIDE);
		}
		return progress;
	}

	/** Saves a checked lesson's texts, audited in the same transaction. */
	@Transactional
	void save(String actor, Lesson lesson) {
		this.jdbc.sql("""
				update toolkit_lessons set title_en = ?, title_es = ?, body_en = ?, body_es = ?, updated_by = ?,
				updated_at = ? where slug = ?""")
			.params(lesson.titleEn(), lesson.titleEs(), lesson.bodyEn(), lesson.bodyEs(), actor,
					OffsetDateTime.now(ZoneOffset.UTC), lesson.slug())
			.update();
		this.audit.record(actor, "toolkit.lesson", lesson.slug(),
				"chars=" + (lesson.bodyEn().length() + lesson.bodyEs().length()));
	}

}
