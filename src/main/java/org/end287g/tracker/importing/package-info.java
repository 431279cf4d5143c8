/**
 * Importing: ICE's spreadsheets read, cleaned and applied in one transaction, from the
 * command line, a staff upload, the scheduled fetch or the jar (ICE's sheets shipped for
 * the first start).
 */
@org.jspecify.annotations.NullMarked
package org.end287g.tracker.importing;
