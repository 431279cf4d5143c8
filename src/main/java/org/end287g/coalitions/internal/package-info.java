/**
 * Organization pages, logos and verification; letters, their signatures, PDF, open data
 * and the staff and leader pages that write them.
 */
@org.jspecify.annotations.NullMarked
package org.end287g.coalitions.internal;
