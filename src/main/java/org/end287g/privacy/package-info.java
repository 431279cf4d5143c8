/**
 * Privacy: encryption at rest of personal data, blind indexes, hashed client addresses,
 * signed links, rate limits, supporters and their holds, retention, and the pages where a
 * person sees, downloads and deletes what is held about them.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "audit", "problems" })
@org.jspecify.annotations.NullMarked
package org.end287g.privacy;
