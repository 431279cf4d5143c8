/**
 * How help is kept and shown: the directory in the database, its pages, the staff pages
 * and import, proposals, the card and the parts added to the tracker's and campaigns'
 * pages. Hidden, because no other module calls help: it only adds to their pages and
 * answers its own addresses.
 */
@org.jspecify.annotations.NullMarked
package org.end287g.help.internal;
