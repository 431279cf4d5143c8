package org.end287g.tracker.importing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Checks a workbook before any XML parser sees it: a real zip, few entries, and every
 * entry actually inflated (declared sizes can lie) within the size and ratio limits.
 */
class ZipGuard {

	private static final byte[] ZIP_MAGIC = { 'P', 'K', 3, 4 };

	private static final long RATIO_FLOOR_BYTES = 5L * 1024 * 1024;

	private final ImportProperties limits;

	ZipGuard(ImportProperties limits) {
		this.limits = limits;
	}

	void check(Path file) {
		try {
			long size = Files.size(file);
			if (size == 0) {
				throw SheetRejected.empty();
			}
			if (size > this.limits.maxFileBytes()) {
				throw SheetRejected.tooBig(this.limits.maxFileBytes());
			}
			checkMagic(file);
			inflateAll(file, size);
		}
		catch (ZipException ex) {
			throw SheetRejected.notXlsx(ex.getMessage());
		}
		catch (IOException ex) {
			throw SheetRejected.unreadable(ex.getMessage());
		}
	}

	private void checkMagic(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			byte[] head = in.readNBytes(4);
			if (!java.util.Arrays.equals(head, ZIP_MAGIC)) {
				throw SheetRejected.notXlsx("no zip signature");
			}
		}
	}

	private void inflateAll(Path file, long compressedSize) throws IOException {
		long total = 0;
		int entries = 0;
		boolean workbook = false;
		try (ZipFile zip = new ZipFile(file.toFile())) {
			Enumeration<? extends ZipEntry> all = zip.entries();
			while (all.hasMoreElements()) {
				ZipEntry entry = all.nextElement();
				if (++entries > this.limits.maxEntries()) {
					throw SheetRejected.zipBomb("more than " + this.limits.maxEntries() + " entries");
				}
				workbook |= "xl/workbook.xml".equals(entry.getName());
				total += inflatedSize(zip, entry, this.limits.maxTotalBytes() - total);
				if (total > RATIO_FLOOR_BYTES && total / compressedSize > this.limits.maxRatio()) {
					throw SheetRejected.zipBomb("compression ratio above " + this.limits.maxRatio());
				}
			}
		}
		if (!workbook) {
			throw SheetRejected.notXlsx("no xl/workbook.xml");
		}
	}

	private long inflatedSize(ZipFile zip, ZipEntry entry, long totalLeft) throws IOException {
		long limit = Math.min(this.limits.maxEntryBytes(), totalLeft);
		byte[] buffer = new byte[64 * 1024];
		long count = 0;
		try (InputStream in = zip.getInputStream(entry)) {
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				count += read;
				if (count > limit) {
					throw SheetRejected.zipBomb(entry.getName() + " expands beyond " + limit + " bytes");
				}
			}
		}
		return count;
	}

}
