/**
 * Problems: the one exception every module throws for a request it refuses (an unknown
 * address, a malformed parameter, a full queue), carrying its status and the message keys
 * of its title and detail. The site module answers it, in one place, as a translated page
 * or as JSON. It depends on nothing, so that every module may throw it, including those
 * the site module itself uses (tracker, accounts, privacy), without a cycle.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
@org.jspecify.annotations.NullMarked
package org.end287g.problems;
