package org.end287g.tracker;

/**
 * How an ICE sheet reached the importer: shipped in the jar and imported at the first
 * start (FIRST_START), by the command line, a staff upload or the scheduled fetch. SAMPLE
 * marks the four-agency sample of earlier versions, which the first sheet imported
 * deletes.
 */
public enum SheetSource {

	SAMPLE, FIRST_START, COMMAND, UPLOAD, FETCH

}
