/**
 * Replays of the findings of the security review (issue 13), one class per finding: each
 * failed before its fix and guards against the finding coming back.
 */
@NullMarked
package org.end287g.securityregressions;

import org.jspecify.annotations.NullMarked;
