/**
 * Places: US states, counties and ZIP codes, distances and server-drawn SVG maps. Static
 * reference data shipped in the jar; depends on no other module.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
@org.jspecify.annotations.NullMarked
package org.end287g.places;
