package org.end287g.privacy.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.pessimistic_locking.AbstractLockBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.pessimistic_locking.LockBasedTransaction;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * Bucket4j's pessimistic-locking protocol on a plain table, in SQL that PostgreSQL and H2
 * both run (Bucket4j's own JDBC managers use PostgreSQL-only syntax that H2 refuses): the
 * row is created if absent ({@code INSERT ... ON CONFLICT DO NOTHING}), locked with
 * {@code SELECT ... FOR UPDATE}, updated and committed. Concurrent requests for one
 * bucket (a flood from one address) wait for the lock instead of retrying, so refusing
 * them stays cheap. Each check is its own short transaction, so an attempt counts even
 * when the caller's transaction rolls back.
 */
class JdbcBuckets extends AbstractLockBasedProxyManager<String> {

	private final JdbcClient jdbc;

	private final PlatformTransactionManager transactions;

	private final Duration keep;

	JdbcBuckets(JdbcClient jdbc, PlatformTransactionManager transactions, Duration keep) {
		super(ClientSideConfig.getDefault());
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.keep = keep;
	}

	@Override
	protected LockBasedTransaction allocateTransaction(String key, Optional<Long> timeoutNanos) {
		return new LockBasedTransaction() {

			private @Nullable TransactionStatus status;

			@Override
			public void begin(Optional<Long> timeout) {
				this.status = JdbcBuckets.this.transactions.getTransaction(
						new DefaultTransactionDefinition(DefaultTransactionDefinition.PROPAGATION_REQUIRES_NEW));
			}

			@Override
			public byte @Nullable [] lockAndGet(Optional<Long> timeout) {
				JdbcBuckets.this.jdbc
					.sql("INSERT INTO rate_buckets (id, state, expires_at) VALUES (?, NULL, ?) ON CONFLICT DO NOTHING")
					.params(key, expiresAt())
					.update();
				return JdbcBuckets.this.jdbc.sql("SELECT state FROM rate_buckets WHERE id = ? FOR UPDATE")
					.param(key)
					.query((rs, row) -> Optional.ofNullable(rs.getBytes("state")))
					.single()
					.orElse(null);
			}

			@Override
			public void create(byte[] data, RemoteBucketState state, Optional<Long> timeout) {
				update(data, state, timeout);
			}

			@Override
			public void update(byte[] data, RemoteBucketState state, Optional<Long> timeout) {
				JdbcBuckets.this.jdbc.sql("UPDATE rate_buckets SET state = ?, expires_at = ? WHERE id = ?")
					.params(data, expiresAt(), key)
					.update();
			}

			@Override
			public void commit(Optional<Long> timeout) {
				TransactionStatus begun = this.status;
				if (begun == null) {
					throw new IllegalStateException("commit without begin");
				}
				JdbcBuckets.this.transactions.commit(begun);
			}

			@Override
			public void rollback() {
				if (this.status != null && !this.status.isCompleted()) {
					JdbcBuckets.this.transactions.rollback(this.status);
				}
			}

			@Override
			public void unlock() {
				// the row lock ends with the transaction
			}

			@Override
			public void release() {
				rollback();
			}

		};
	}

	private long expiresAt() {
		return Clock.systemUTC().millis() + this.keep.toMillis();
	}

	@Override
	public void removeProxy(String key) {
		this.jdbc.sql("DELETE FROM rate_buckets WHERE id = ?").param(key).update();
	}

}
