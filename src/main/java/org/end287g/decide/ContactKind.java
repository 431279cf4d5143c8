package org.end287g.decide;

/** What a supporter says they did: called the office or wrote to it. */
public enum ContactKind {

	CALL, LETTER

}
