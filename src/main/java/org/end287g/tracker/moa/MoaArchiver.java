package org.end287g.tracker.moa;

import java.net.URI;
import java.time.LocalDateTime;
import java.util.List;

import org.end287g.CommandRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * On the sheet fetch's rhythm, downloads the MOA and addendum PDFs ICE links to that we
 * have not archived yet, once across instances. A failed download waits (longer after
 * each failure) and is tried again; it never touches the sheets, and the copy we keep
 * stays when ICE's link later breaks.
 */
@Component
class MoaArchiver {

	private static final Logger log = LoggerFactory.getLogger(MoaArchiver.class);

	private final MoaStore store;

	private final MoaLibrary library;

	private final MoaDownloader downloader;

	private final MoaLease lease;

	private final MoaProperties properties;

	private final CommandRun run;

	MoaArchiver(MoaStore store, MoaLibrary library, MoaDownloader downloader, MoaLease lease, MoaProperties properties,
			CommandRun run) {
		this.store = store;
		this.library = library;
		this.downloader = downloader;
		this.lease = lease;
		this.properties = properties;
		this.run = run;
	}

	@Scheduled(cron = "${end287g.moa.cron:0 53 */4 * * *}")
	void scheduled() {
		if (this.properties.fetchEnabled() && this.run.servesSite()) {
			log.info("MOA archive: {} PDF(s) archived", archiveOnce());
		}
	}

	/**
	 * Archives what is due unless another instance holds the lease; returns the count.
	 */
	int archiveOnce() {
		List<MoaStore.Target> due = this.store.unarchived(LocalDateTime.now(), this.properties.batch());
		if (due.isEmpty() || !this.lease.tryAcquire(this.properties.timeout().multipliedBy(due.size() + 1L))) {
			return 0;
		}
		try {
			int archived = 0;
			for (MoaStore.Target target : due) {
				archived += archive(target) ? 1 : 0;
			}
			return archived;
		}
		finally {
			this.lease.release();
		}
	}

	private boolean archive(MoaStore.Target target) {
		String url = String.valueOf(target.url());
		try {
			URI uri = URI.create(url);
			if (!this.properties.allows(uri)) {
				throw MoaRejected.download("host not allowed: " + uri.getHost());
			}
			byte[] pdf = this.downloader.download(uri);
			String path = uri.getPath();
			this.library.attach(target, (path != null) ? path.substring(path.lastIndexOf('/') + 1) : "", pdf, "FETCH");
			return true;
		}
		catch (MoaRejected | IllegalArgumentException ex) {
			log.warn("MOA archive: {} not archived: {}", url, ex.getMessage());
			this.store.failed(url, String.valueOf(ex.getMessage()), LocalDateTime.now(), this.properties.retryAfter());
			return false;
		}
	}

}
