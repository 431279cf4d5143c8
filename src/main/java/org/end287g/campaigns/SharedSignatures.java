package org.end287g.campaigns;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The confirmed, valid signatures whose signers ticked "share my name and e-mail with" an
 * organization, and nothing else: what that organization may read (the osdi module's API
 * and webhooks). Personal data is opened from its sealed columns only here.
 */
public interface SharedSignatures {

	/** How many signatures this organization may see, of one campaign or of all. */
	long count(long organizationId, @Nullable Long campaignId);

	/** A page of them, newest first. */
	List<SharedSignature> page(long organizationId, @Nullable Long campaignId, int offset, int limit);

	/** One of them; empty when the organization may not see it. */
	Optional<SharedSignature> find(long organizationId, long signatureId);

	/**
	 * Those confirmed at or after this moment, oldest first, by id and time only (the
	 * webhooks' outbox keeps ids).
	 */
	List<Confirmed> confirmedSince(long organizationId, OffsetDateTime since, int limit);

	/** A shared signature's id and when it was confirmed. */
	record Confirmed(long id, OffsetDateTime at) {
	}

	/** The partner organizations of a campaign, by name. */
	List<PartnerName> partnersOf(long campaignId);

	/** A partner organization as the campaign page names it. */
	record PartnerName(long id, String name) {
	}

	/**
	 * One shared signature.
	 *
	 * @param email {@code null} when the supporter has since been forgotten
	 */
	record SharedSignature(long id, long campaignId, String campaignSlug, String firstName, String lastName,
			@Nullable String email, String zip, OffsetDateTime createdAt, OffsetDateTime confirmedAt) {

		@Override
		public String toString() {
			return "SharedSignature[" + this.id + "]";
		}

	}

}
