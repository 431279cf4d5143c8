/**
 * Replays of the findings of the security review (issue 13), one class per finding: each
 * failed before its fix.
 */
@org.jspecify.annotations.NullMarked
package org.end287g.securityregressions;
