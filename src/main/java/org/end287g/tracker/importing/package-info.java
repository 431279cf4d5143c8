/**
 * Importing: ICE's spreadsheets read, cleaned and applied in one transaction, from the
 * command line, a staff upload, the scheduled fetch or the first-start sample.
 */
@org.jspecify.annotations.NullMarked
package org.end287g.tracker.importing;
