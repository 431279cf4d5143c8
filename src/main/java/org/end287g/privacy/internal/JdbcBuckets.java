package org.end287g.privacy.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AbstractCompareAndSwapBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AsyncCompareAndSwapOperation;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.CompareAndSwapOperation;
import io.github.bucket4j.distributed.remote.RemoteBucketState;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bucket4j's compare-and-swap protocol on a plain table, in SQL that PostgreSQL and H2
 * both run (Bucket4j's own JDBC managers use PostgreSQL-only syntax that H2 refuses). A
 * swap is an UPDATE guarded by the state it read; a first write is an INSERT that loses
 * to a concurrent one. Each step is its own short transaction, so an attempt counts even
 * when the caller's transaction rolls back.
 */
class JdbcBuckets extends AbstractCompareAndSwapBasedProxyManager<String> {

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Duration keep;

	JdbcBuckets(JdbcClient jdbc, PlatformTransactionManager transactionManager, Duration keep) {
		super(ClientSideConfig.getDefault());
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.keep = keep;
	}

	@Override
	protected CompareAndSwapOperation beginCompareAndSwapOperation(String key) {
		return new CompareAndSwapOperation() {

			@Override
			public Optional<byte[]> getStateData(Optional<Long> timeoutNanos) {
				return JdbcBuckets.this.transactions
					.execute(status -> JdbcBuckets.this.jdbc.sql("SELECT state FROM rate_buckets WHERE id = ?")
						.param(key)
						.query(byte[].class)
						.optional());
			}

			@Override
			public boolean compareAndSwap(byte[] original, byte[] updated, RemoteBucketState state,
					Optional<Long> timeoutNanos) {
				long expiresAt = Clock.systemUTC().millis() + JdbcBuckets.this.keep.toMillis();
				try {
					Boolean swapped = JdbcBuckets.this.transactions.execute(status -> (original == null)
							? JdbcBuckets.this.jdbc
								.sql("INSERT INTO rate_buckets (id, state, expires_at) VALUES (?, ?, ?)")
								.params(key, updated, expiresAt)
								.update() == 1
							: JdbcBuckets.this.jdbc
								.sql("UPDATE rate_buckets SET state = ?, expires_at = ? WHERE id = ? AND state = ?")
								.params(updated, expiresAt, key, original)
								.update() == 1);
					return Boolean.TRUE.equals(swapped);
				}
				catch (DuplicateKeyException lostTheRace) {
					return false;
				}
			}

		};
	}

	@Override
	protected AsyncCompareAndSwapOperation beginAsyncCompareAndSwapOperation(String key) {
		throw new UnsupportedOperationException("Rate limits are checked synchronously");
	}

	@Override
	public void removeProxy(String key) {
		this.jdbc.sql("DELETE FROM rate_buckets WHERE id = ?").param(key).update();
	}

	@Override
	protected CompletableFuture<Void> removeAsync(String key) {
		throw new UnsupportedOperationException("Rate limits are checked synchronously");
	}

	@Override
	public boolean isAsyncModeSupported() {
		return false;
	}

}
