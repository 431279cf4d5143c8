package org.end287g.campaigns.signing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.end287g.CommandRun;
import org.end287g.privacy.BlindIndex;
import org.end287g.privacy.EmailAddresses;
import org.end287g.privacy.PersonalDataCipher;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Recomputes the signatures' {@code email_key} when the rules of
 * {@link EmailAddresses#identity} have changed, so that a person who signed before still
 * has one signature per petition: a migration asks for it with the row {@code signatures}
 * in {@code identity_rekeys}, and the first instance to start afterwards does it, then
 * deletes the row. SQL cannot do it: the key is a keyed hash of the identity, and the
 * identity needs the address, which only the supporter's sealed copy holds. Only the rows
 * of the domains with rules of their own are read.
 * <p>
 * Safe while the site signs and on several instances at once: each row is updated on its
 * own, only from the key it was read with. A row whose new key another signature of the
 * same petition has already (the person signed twice, once with a {@code +tag}) keeps its
 * old key: both signatures stay, as before. A row without a supporter (forgotten, or kept
 * past retention) keeps its key too.
 */
@Component
class SignatureKeys {

	static final String NAME = "signatures";

	private static final Logger log = LoggerFactory.getLogger(SignatureKeys.class);

	private static final int PAGE = 500;

	private final JdbcClient jdbc;

	private final SignatureRows rows;

	private final PersonalDataCipher cipher;

	private final BlindIndex index;

	private final CommandRun run;

	SignatureKeys(JdbcClient jdbc, SignatureRows rows, PersonalDataCipher cipher, BlindIndex index, CommandRun run) {
		this.jdbc = jdbc;
		this.rows = rows;
		this.cipher = cipher;
		this.index = index;
		this.run = run;
	}

	/** What a recomputation did. */
	record Rekeyed(long read, long changed, long kept) {
	}

	/** At start, when a migration asked for it (not during a command such as import). */
	@EventListener(ApplicationReadyEvent.class)
	void rekeyWhenAsked() {
		if (!this.run.servesSite() || !asked()) {
			return;
		}
		Rekeyed done = rekey();
		this.jdbc.sql("delete from identity_rekeys where name = ?").param(NAME).update();
		log.info("Recomputed the e-mail keys of signatures: {} read, {} changed, {} kept (signed again since)",
				done.read(), done.changed(), done.kept());
	}

	boolean asked() {
		return this.jdbc.sql("select count(*) from identity_rekeys where name = ?")
			.param(NAME)
			.query(Long.class)
			.single() > 0;
	}

	/** Recomputes the key of every signature of a domain with rules of its own. */
	Rekeyed rekey() {
		List<String> domains = EmailAddresses.providerDomains()
			.stream()
			.sorted()
			.map((domain) -> this.index.of(SignatureChecks.DOMAIN_KIND, domain))
			.toList();
		String sql = """
				select s.id, s.campaign_id, s.email_key, p.email_sealed from signatures s
				join supporters p on p.id = s.supporter_id
				where s.id > ? and s.email_key is not null and s.email_domain_index in (%s)
				order by s.id limit %d""".formatted(String.join(", ", Collections.nCopies(domains.size(), "?")), PAGE);
		long read = 0;
		long changed = 0;
		long kept = 0;
		long after = 0;
		while (true) {
			List<Object> params = new ArrayList<>(domains.size() + 1);
			params.add(after);
			params.addAll(domains);
			List<Stored> page = this.jdbc.sql(sql)
				.params(params)
				.query((rs, n) -> new Stored(rs.getLong("id"), rs.getLong("campaign_id"), rs.getString("email_key"),
						this.cipher.open(rs.getBytes("email_sealed"), "supporters.email")))
				.list();
			for (Stored stored : page) {
				read++;
				String email = stored.email();
				if (email == null) {
					continue;
				}
				String key = this.rows.emailKey(email);
				if (key.equals(stored.key())) {
					continue;
				}
				if (moved(stored, key)) {
					changed++;
				}
				else {
					kept++;
				}
			}
			if (page.size() < PAGE) {
				return new Rekeyed(read, changed, kept);
			}
			after = page.get(page.size() - 1).id();
		}
	}

	/** Gives the row its new key unless the petition has a signature with it already. */
	private boolean moved(Stored stored, String key) {
		try {
			return this.jdbc.sql("""
					update signatures set email_key = ? where id = ? and email_key = ?
					and not exists (select 1 from signatures o where o.campaign_id = ? and o.email_key = ?)""")
				.params(key, stored.id(), stored.key(), stored.campaignId(), key)
				.update() == 1;
		}
		catch (DuplicateKeyException raced) {
			// a signature with the new key was written just now
			return false;
		}
	}

	private record Stored(long id, long campaignId, String key, @Nullable String email) {
	}

}
