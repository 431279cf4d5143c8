/**
 * How personal data is protected: Tink keys and ciphers, rate-limit buckets, supporters'
 * rows, retention and the my-data pages, hidden behind the privacy API.
 */
@org.jspecify.annotations.NullMarked
package org.end287g.privacy.internal;
