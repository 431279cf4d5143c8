package org.end287g.tracker;

import java.time.LocalDateTime;

/** Published inside the import transaction after an ICE sheet was accepted. */
public record IceSheetImported(long sheetId, String list, LocalDateTime publishedAt) {
}
