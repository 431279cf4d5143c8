/**
 * The security regression suite: one class per finding of the outside security review
 * (issue 13), each replaying the requests that found it, named
 * {@code Finding<N>...Tests}, and the guards of conveniences that must never reach a
 * production configuration ({@code LocalMailboxClosedInProductionTests}). What each
 * finding was and what is answered now is summarized in {@code docs/security.md}.
 */
@NullMarked
package org.end287g.securityregressions;

import org.jspecify.annotations.NullMarked;
