package org.end287g.tracker.importing;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.task.SyncTaskExecutor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import command's own settings: its follow-ups run on its thread, and its PostgreSQL
 * connections (only those) commit without waiting for the disk.
 */
class ImportCommandConfigurationTests {

	@Test
	void postgresqlConnectionsOfTheCommandCommitAsynchronouslyOthersAreLeftAlone() {
		HikariDataSource postgres = new HikariDataSource();
		postgres.setJdbcUrl("jdbc:postgresql://127.0.0.1:5432/end287g");
		HikariDataSource h2 = new HikariDataSource();
		h2.setJdbcUrl("jdbc:h2:mem:x;MODE=PostgreSQL");
		BeanPostProcessor commits = ImportCommandConfiguration.asynchronousCommits();
		assertThat(commits.postProcessBeforeInitialization(postgres, "dataSource")).isSameAs(postgres);
		commits.postProcessBeforeInitialization(h2, "dataSource");
		assertThat(postgres.getConnectionInitSql()).isEqualTo("set synchronous_commit to off");
		assertThat(h2.getConnectionInitSql()).isNull();
		assertThat(commits.postProcessBeforeInitialization("not a pool", "other")).isEqualTo("not a pool");
	}

	@Test
	void followUpsRunOnTheCommandsThread() {
		assertThat(new ImportCommandConfiguration().getAsyncExecutor()).isInstanceOf(SyncTaskExecutor.class);
	}

}
