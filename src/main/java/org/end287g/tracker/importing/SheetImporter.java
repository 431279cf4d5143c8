package org.end287g.tracker.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.end287g.TableStatistics;
import org.end287g.tracker.DateSource;
import org.end287g.tracker.IceSheets;
import org.end287g.tracker.ImportResult;
import org.end287g.tracker.PublishedAt;
import org.end287g.tracker.SheetSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * The tracker's import entry point: reads and cleans a sheet outside any transaction,
 * then applies it in one. Bad input never throws; it becomes a REJECTED result.
 */
@Service
class SheetImporter implements IceSheets {

	private static final Logger log = LoggerFactory.getLogger(SheetImporter.class);

	/** Refusals kept as snapshots: the file is a real workbook whose content is wrong. */
	private static final List<SheetRejected.Reason> RECORDED = List.of(SheetRejected.Reason.NO_HEADER,
			SheetRejected.Reason.TOO_MANY_ROWS);

	private final IceSheetReader reader;

	private final SheetRowCleaner cleaner;

	private final SheetTransaction transaction;

	private final SheetStore store;

	private final ImportProperties limits;

	private final ImportState state;

	private final SheetMembers members;

	private final TableStatistics statistics;

	SheetImporter(IceSheetReader reader, SheetRowCleaner cleaner, SheetTransaction transaction, SheetStore store,
			ImportProperties limits, ImportState state, SheetMembers members, TableStatistics statistics) {
		this.statistics = statistics;
		this.state = state;
		this.members = members;
		this.reader = reader;
		this.cleaner = cleaner;
		this.transaction = transaction;
		this.store = store;
		this.limits = limits;
	}

	@Override
	public ImportResult importSheet(Path file, String fileName, SheetSource source, @Nullable PublishedAt date) {
		return prepare(file, fileName, source, date).apply();
	}

	/**
	 * Reads, checks and cleans a sheet, outside any transaction and on any thread; what
	 * it returns applies the sheet (or records why it was refused), in the order the
	 * caller chooses. The file must still be there then.
	 */
	Prepared prepare(Path file, String fileName, SheetSource source, @Nullable PublishedAt date) {
		SheetFileName name = null;
		String sha256 = null;
		try {
			name = SheetFileName.parse(fileName, date);
			sha256 = sha256(file);
			List<RawRow> rows = this.reader.read(file);
			PreparedSheet sheet = new PreparedSheet(name, fileName, sha256,
					this.cleaner.clean(rows, name.participating()), source);
			return () -> applyAndReexamine(sheet, file);
		}
		catch (SheetRejected rejected) {
			SheetFileName known = name;
			String checksum = sha256;
			return () -> refused(fileName, known, checksum, source, rejected);
		}
	}

	/**
	 * Reads what applying a sheet needs from the database (agencies and agreements, the
	 * latest sheet of each list) ahead of time: the command does it while it reads the
	 * first workbook on another thread. Only caches are filled.
	 */
	void warmUp() {
		this.state.preload();
		for (String list : List.of("PARTICIPATING", "PENDING")) {
			this.store.latestAccepted(list, 0).ifPresent(this.members::of);
		}
	}

	/** A sheet read and cleaned, or the refusal met on the way, waiting to be applied. */
	@FunctionalInterface
	interface Prepared {

		ImportResult apply();

	}

	private ImportResult applyAndReexamine(PreparedSheet sheet, Path file) {
		ImportResult result = apply(sheet, file);
		log.info("Import {}", result.summary());
		if (result.status() == ImportResult.Status.ACCEPTED) {
			if (result.added() >= TableStatistics.BULK) {
				// the first sheets of a tracker: the sheets after them are planned on it
				this.statistics.refresh("agency", "agency_name", "agreement", "agreement_event", "ice_sheet",
						"sheet_rows");
			}
			reexamineHeld(sheet.name().participating() ? "PENDING" : "PARTICIPATING");
		}
		return result;
	}

	private ImportResult refused(String fileName, @Nullable SheetFileName name, @Nullable String sha256,
			SheetSource source, SheetRejected rejected) {
		log.warn("Import rejected {}: {}", fileName, rejected.getMessage());
		if (name != null && sha256 != null && RECORDED.contains(rejected.reason())) {
			return this.transaction.reject(new PreparedSheet(name, fileName, sha256, List.of(), source), rejected);
		}
		return Results.rejected(fileName, name, 0, rejected);
	}

	ImportResult apply(PreparedSheet sheet, Path file) {
		try {
			return this.transaction.apply(sheet);
		}
		catch (SheetRejected rejected) {
			return this.transaction.reject(sheet, rejected);
		}
		catch (SheetHeld held) {
			log.warn("Import held {} for staff: {}", sheet.fileName(), held.getMessage());
			try {
				return this.transaction.hold(sheet, held, Files.readAllBytes(file));
			}
			catch (IOException ex) {
				return this.transaction.reject(sheet, SheetRejected.unreadable(ex.getMessage()));
			}
		}
	}

	@Override
	public ImportResult importSheet(InputStream content, String fileName, SheetSource source,
			@Nullable PublishedAt date) {
		Path temp = null;
		try {
			temp = Files.createTempFile("ice-sheet-", ".xlsx");
			copyAtMost(content, temp, this.limits.maxFileBytes());
			return importSheet(temp, fileName, source, date);
		}
		catch (SheetRejected rejected) {
			return Results.rejected(fileName, null, 0, rejected);
		}
		catch (IOException ex) {
			return Results.rejected(fileName, null, 0, SheetRejected.unreadable(ex.getMessage()));
		}
		finally {
			deleteQuietly(temp);
		}
	}

	@Override
	public boolean firstStartOnly() {
		return this.store.latestIsFirstStart();
	}

	/**
	 * The other list's held sheets, examined again after a sheet was accepted: ICE may
	 * publish the pending list before the participating one that explains where its
	 * agencies went.
	 */
	private void reexamineHeld(String list) {
		for (Long id : this.store.heldVanished(list)) {
			try {
				SheetSnapshot held = this.store.find(id).orElse(null);
				byte[] content = this.store.heldContent(id).orElse(null);
				if (held != null && content != null) {
					this.transaction.reexamine(id, prepareHeld(held, content))
						.ifPresent(
								(result) -> log.info("Held sheet accepted on a new examination: {}", result.summary()));
				}
			}
			catch (SheetHeld stillHeld) {
				log.debug("Sheet {} stays held: {}", id, stillHeld.getMessage());
			}
			catch (IOException | SheetRejected ex) {
				log.warn("Held sheet {} cannot be read again: {}", id, ex.getMessage());
			}
		}
	}

	/**
	 * A held sheet's stored workbook read and cleaned again, for staff's accept; its list
	 * and date are those it was held under.
	 */
	PreparedSheet prepareHeld(SheetSnapshot held, byte[] content) throws IOException {
		Path temp = Files.createTempFile("ice-sheet-", ".xlsx");
		try {
			Files.write(temp, content);
			SheetFileName name = new SheetFileName(held.list(), held.publishedAt(),
					(held.dateSource() != null) ? DateSource.valueOf(held.dateSource()) : DateSource.NAME);
			return new PreparedSheet(name, held.fileName(), held.sha256(),
					this.cleaner.clean(this.reader.read(temp), name.participating()),
					SheetSource.valueOf(held.source()));
		}
		finally {
			deleteQuietly(temp);
		}
	}

	private static void copyAtMost(InputStream content, Path target, long limit) throws IOException {
		try (OutputStream out = Files.newOutputStream(target)) {
			long copied = content.transferTo(new LimitedOutput(out, limit));
			if (copied > limit) {
				throw SheetRejected.tooBig(limit);
			}
		}
	}

	static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String sha256(Path file) {
		try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
			in.transferTo(OutputStream.nullOutputStream());
			return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
		}
		catch (IOException | NoSuchAlgorithmException ex) {
			throw SheetRejected.unreadable(ex.getMessage());
		}
	}

	private static void deleteQuietly(@Nullable Path temp) {
		try {
			if (temp != null) {
				Files.deleteIfExists(temp);
			}
		}
		catch (IOException ex) {
			log.debug("Could not delete {}", temp, ex);
		}
	}

	/** Refuses to write past the limit, so an endless upload stops early. */
	private static final class LimitedOutput extends java.io.FilterOutputStream {

		private final long limit;

		private long written;

		LimitedOutput(OutputStream out, long limit) {
			super(out);
			this.limit = limit;
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			this.written += length;
			if (this.written > this.limit) {
				throw SheetRejected.tooBig(this.limit);
			}
			this.out.write(bytes, offset, length);
		}

		@Override
		public void write(int b) throws IOException {
			write(new byte[] { (byte) b }, 0, 1);
		}

	}

}
