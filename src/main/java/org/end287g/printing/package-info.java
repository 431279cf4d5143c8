/**
 * Printing: what every PDF the site makes shares, so that any name a person types prints:
 * fonts embedded from the jar for Latin, Greek, Cyrillic, Hebrew, Arabic, Ethiopic,
 * Armenian, Georgian, Chinese, Japanese and Korean, and the writing direction of a text.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
@org.jspecify.annotations.NullMarked
package org.end287g.printing;
