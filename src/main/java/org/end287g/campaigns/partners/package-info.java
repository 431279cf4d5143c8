/**
 * Partners: the organizations staff name as a campaign's partners, shown on its page; the
 * signing form's unticked "share my name and e-mail with" boxes, stored as ids only; and
 * what each organization may then read ({@code SharedSignatures}).
 */
@org.jspecify.annotations.NullMarked
package org.end287g.campaigns.partners;
