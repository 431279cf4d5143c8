package org.end287g.notifications.internal;

import java.util.Locale;

import javax.sql.DataSource;

import org.end287g.CommandRun;
import org.end287g.DatabaseProduct;
import org.end287g.SiteAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Whether this run is the embedded default that one person tries on their own machine:
 * the embedded H2 database, no SMTP server ({@code spring.mail.host} unset) and a site
 * address on this machine ({@code localhost}). Then the kept mail may be read at
 * {@code /mailbox}, from this machine only ({@link ThisMachine}), so that person can
 * confirm their own signature or request to lead without an admin's passkey. Never with
 * SMTP, PostgreSQL or a public address: a real deployment has none of the three unset.
 */
@Component
class LocalMailbox {

	private static final Logger log = LoggerFactory.getLogger(LocalMailbox.class);

	static final String PATH = "/mailbox";

	private final boolean open;

	LocalMailbox(OutboxWorker worker, DataSource dataSource, SiteAddress site, CommandRun run) {
		this.open = run.servesSite() && opens(worker.sends(), DatabaseProduct.of(dataSource), site.host());
		if (this.open) {
			log.info("No mail server and the embedded database: mail is kept, not sent; read it at {} "
					+ "from this machine only", site.link(PATH));
		}
	}

	/** Whether this run offers the local mailbox. */
	boolean open() {
		return this.open;
	}

	static boolean opens(boolean sendsMail, String databaseProduct, String siteHost) {
		return !sendsMail && "H2".equalsIgnoreCase(databaseProduct) && onThisMachine(siteHost);
	}

	/** A host name or address of this machine, written out (no name is looked up). */
	static boolean onThisMachine(String host) {
		String name = host.toLowerCase(Locale.ROOT);
		return name.equals("localhost") || name.startsWith("127.") || name.equals("[::1]") || name.equals("::1");
	}

}
