package org.end287g.decide;

/** A candidate's answer to "Will you end the 287(g) agreement?". */
public enum Pledge {

	YES, NO, NO_ANSWER

}
