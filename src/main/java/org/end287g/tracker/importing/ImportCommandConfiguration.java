package org.end287g.tracker.importing;

import java.util.concurrent.Executor;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.scheduling.annotation.AsyncConfigurer;

/**
 * How the import command runs, which a server does not share.
 * <ul>
 * <li>What other modules do after a sheet (their listeners, which a server runs on other
 * threads) runs on the command's own thread, right after the sheet's commit and before
 * the next sheet: in order, with no pool of threads to hand it to and poll. Each listener
 * still runs in a transaction of its own and is recorded as a publication, as on a
 * server; one that fails is left to a server to retry, and the command says so.</li>
 * <li>On PostgreSQL its commits do not wait for the disk (asynchronous commit): a
 * thousand sheets commit several times each. A database crash in the fraction of a second
 * after a commit can lose the last sheets committed, never half a sheet; the command, run
 * again on the same files, imports them again (a sheet's checksum decides).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "end287g.cli", havingValue = "import")
class ImportCommandConfiguration implements AsyncConfigurer {

	@Override
	public Executor getAsyncExecutor() {
		return new SyncTaskExecutor();
	}

	@Bean
	static BeanPostProcessor asynchronousCommits() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
						&& pool.getJdbcUrl().startsWith("jdbc:postgresql:")) {
					pool.setConnectionInitSql("set synchronous_commit to off");
				}
				return bean;
			}

		};
	}

}
