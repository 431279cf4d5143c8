/**
 * Tests that replay the findings of the security review (issue 13), one class per
 * finding: each failed before its fix and guards against the finding coming back.
 */
@org.jspecify.annotations.NullMarked
package org.end287g.securityregressions;
