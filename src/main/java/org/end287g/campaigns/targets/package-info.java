/**
 * Targets: who a campaign presses, through the {@code decide} module's directory. The
 * primary target is the agency's head (or, when the directory has none, the head staff
 * typed), the secondary ones are chosen by the leaders; "contact your official" on the
 * campaign page gives each a call script and a letter, and counts the calls and letters
 * supporters report.
 */
@org.jspecify.annotations.NullMarked
package org.end287g.campaigns.targets;
