/**
 * How the toolkit is made: share links and messages, the share image, QR code and printed
 * materials, lessons and the records request, all hidden because no other module calls
 * the toolkit; it only adds to campaign pages and answers its own addresses.
 */
@org.jspecify.annotations.NullMarked
package org.end287g.toolkit.internal;
