/**
 * Delivery of a petition: the packet leaders hand to the target (PDF and CSV), the record
 * of a delivery with a cleaned photo, the outcome leaders propose, and the deliveries on
 * the public page.
 * <p>
 * Why a package of its own: delivery comes at the end of a campaign, has its own table
 * ({@code campaign_deliveries}) and its own libraries (OpenPDF, image decoding); it reads
 * signers and counts through signing's public types and nothing else depends on it, so
 * all of it is package-private.
 */
@org.jspecify.annotations.NullMarked
package org.end287g.campaigns.delivery;
