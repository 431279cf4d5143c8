package org.end287g.help.internal;

/** What help costs: free, a sliding scale by income, or paid. */
enum HelpCost {

	FREE, SLIDING, PAID

}
