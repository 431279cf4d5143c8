/**
 * Signatures: the signing form and its fast path ({@code SigningFilter}, {@code Signer},
 * {@code GroupCommit}), double opt-in confirmation, paper signatures, the count, the
 * public wall, fraud checks and the signatures' part of "my data".
 * <p>
 * Why a package of its own: signing is the busiest and most delicate part of the module
 * (a viral minute, the unique key per person, sealed personal data) and it owns the
 * {@code signatures} and {@code signature_counts} tables. Keeping every statement on them
 * here means one place to read when a count or a row looks wrong. {@code SignatureCounts}
 * (the count, for pages, lists and leaders) and {@code Signers} (signers for the delivery
 * packet, subscribers for mail) are public for the module's other packages; everything
 * else stays package-private.
 */
@org.jspecify.annotations.NullMarked
package org.end287g.campaigns.signing;
