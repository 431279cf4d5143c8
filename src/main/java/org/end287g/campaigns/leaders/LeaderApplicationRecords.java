package org.end287g.campaigns.leaders;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.end287g.privacy.PersonalDataCipher;
import org.end287g.privacy.PersonalDataHolder;
import org.end287g.privacy.SealedColumn;
import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Become a leader" requests as stored, opened: the ones waiting for staff, one by id,
 * and the "leader applications" section of "my data" (shown, exported, deleted). Also
 * declares their sealed columns for {@code reseal}.
 */
@Component
class LeaderApplicationRecords implements PersonalDataHolder {

	private static final String SELECT = """
			select a.id, a.campaign_id, c.title, c.slug, a.name_sealed, a.email_sealed, a.zip_sealed, a.phone_sealed,
				a.why_sealed, a.language, a.status, a.created_at
			from leader_applications a join campaigns c on c.id = a.campaign_id""";

	private final JdbcClient jdbc;

	private final PersonalDataCipher cipher;

	LeaderApplicationRecords(JdbcClient jdbc, PersonalDataCipher cipher) {
		this.jdbc = jdbc;
		this.cipher = cipher;
	}

	/** An application as staff read it. */
	record Application(long id, long campaignId, String campaignTitle, String campaignSlug, String name, String email,
			String zip, @Nullable String phone, @Nullable String why, String language, String status,
			OffsetDateTime createdAt) {

		@Override
		public String toString() {
			return "Application[id=" + this.id + "]";
		}

	}

	/** Applications waiting for staff, oldest first, decrypted. */
	List<Application> pending() {
		return this.jdbc.sql(SELECT + " where a.status = 'PENDING' order by a.created_at, a.id")
			.query((rs, n) -> application(rs))
			.list();
	}

	Optional<Application> find(long id) {
		return this.jdbc.sql(SELECT + " where a.id = ?").param(id).query((rs, n) -> application(rs)).optional();
	}

	private Application application(ResultSet rs) throws SQLException {
		return new Application(rs.getLong("id"), rs.getLong("campaign_id"), rs.getString("title"), rs.getString("slug"),
				this.cipher.open(rs.getBytes("name_sealed"), "leader_applications.name"),
				this.cipher.open(rs.getBytes("email_sealed"), "leader_applications.email"),
				this.cipher.open(rs.getBytes("zip_sealed"), "leader_applications.zip"),
				this.cipher.open(rs.getBytes("phone_sealed"), "leader_applications.phone"),
				this.cipher.open(rs.getBytes("why_sealed"), "leader_applications.why"), rs.getString("language"),
				rs.getString("status"), rs.getObject("created_at", OffsetDateTime.class));
	}

	@Override
	public String section() {
		return "leader-applications";
	}

	@Override
	public Map<String, Object> describe(String emailIndex) {
		List<Map<String, Object>> applications = new ArrayList<>();
		this.jdbc.sql(SELECT + " where a.email_index = ? order by a.id")
			.param(emailIndex)
			.query((rs, n) -> application(rs))
			.list()
			.forEach((a) -> {
				Map<String, Object> one = new LinkedHashMap<>();
				one.put("campaign", a.campaignTitle());
				one.put("name", a.name());
				one.put("zip", a.zip());
				one.put("phone", a.phone());
				one.put("why", a.why());
				one.put("status", a.status());
				applications.add(one);
			});
		return applications.isEmpty() ? Map.of() : Map.of("applications", applications);
	}

	@Override
	public Optional<String> address(String emailIndex) {
		return this.jdbc.sql(SELECT + " where a.email_index = ? order by a.id desc limit 1")
			.param(emailIndex)
			.query((rs, n) -> application(rs).email())
			.optional();
	}

	@Override
	@Transactional
	public void forget(String emailIndex) {
		this.jdbc.sql("delete from leader_applications where email_index = ?").param(emailIndex).update();
	}

	/** The sealed columns, for {@code reseal} after a key rotation. */
	@Configuration(proxyBeanMethods = false)
	static class Columns {

		@Bean
		SealedColumn leaderApplicationsEmail() {
			return new SealedColumn("leader_applications", "id", "email_sealed", "leader_applications.email");
		}

		@Bean
		SealedColumn leaderApplicationsName() {
			return new SealedColumn("leader_applications", "id", "name_sealed", "leader_applications.name");
		}

		@Bean
		SealedColumn leaderApplicationsZip() {
			return new SealedColumn("leader_applications", "id", "zip_sealed", "leader_applications.zip");
		}

		@Bean
		SealedColumn leaderApplicationsPhone() {
			return new SealedColumn("leader_applications", "id", "phone_sealed", "leader_applications.phone");
		}

		@Bean
		SealedColumn leaderApplicationsWhy() {
			return new SealedColumn("leader_applications", "id", "why_sealed", "leader_applications.why");
		}

	}

}
