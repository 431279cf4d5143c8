package org.end287g.tracker;

/**
 * Where the publication date of an imported ICE sheet came from: ICE's file name, the
 * {@code --published} option of the import command, the HTTP Last-Modified header of a
 * fetched sheet, or the time it was fetched.
 */
public enum DateSource {

	NAME, OPTION, LAST_MODIFIED, FETCH_TIME

}
