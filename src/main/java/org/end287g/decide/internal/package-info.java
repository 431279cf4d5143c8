/**
 * The directory's storage, its checks, the CSV import and the staff pages.
 */
@org.jspecify.annotations.NullMarked
package org.end287g.decide.internal;
