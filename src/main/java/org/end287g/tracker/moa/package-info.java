/**
 * The MOA library: ICE's agreement PDFs archived by us, their text page by page, the key
 * clauses shown on agency pages and a search over every agreement's text.
 */
@org.jspecify.annotations.NullMarked
package org.end287g.tracker.moa;
