package org.end287g.tracker;

/** How an ICE sheet reached the importer. */
public enum SheetSource {

	SAMPLE, COMMAND, UPLOAD, FETCH

}
