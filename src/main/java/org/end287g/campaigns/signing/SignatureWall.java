package org.end287g.campaigns.signing;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.end287g.privacy.PersonalDataCipher;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.lang.Contract;
import org.springframework.stereotype.Component;

/**
 * What the campaign page shows of its signers: the newest confirmed, valid signers who
 * chose to be shown (first name, last initial, city) and the newest visible comments,
 * named the same way or anonymous. Cached per instance like the count.
 */
@Component
class SignatureWall {

	static final int SHOWN = 10;

	private final JdbcClient jdbc;

	private final PersonalDataCipher cipher;

	private final Cities cities;

	private final long maxAgeNanos;

	private final Map<Long, Cached> cache = new ConcurrentHashMap<>();

	SignatureWall(JdbcClient jdbc, PersonalDataCipher cipher, Cities cities, SignatureSettings settings) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.cities = cities;
		this.maxAgeNanos = settings.countMaxAge().toNanos();
	}

	/**
	 * A signer as the page names them; {@code name} is null for an anonymous comment.
	 * {@code confirmedAt} is when the signature was confirmed.
	 */
	record Signer(@Nullable String name, @Nullable String city, @Nullable Instant confirmedAt) {
	}

	record Comment(Signer signer, String text) {
	}

	record Wall(List<Signer> signers, List<Comment> comments) {
	}

	Wall of(long campaignId) {
		Cached cached = this.cache.get(campaignId);
		if (cached != null && this.maxAgeNanos > 0 && System.nanoTime() - cached.readAt() < this.maxAgeNanos) {
			return cached.wall();
		}
		Wall wall = new Wall(signers(campaignId), comments(campaignId));
		this.cache.put(campaignId, new Cached(wall, System.nanoTime()));
		return wall;
	}

	private List<Signer> signers(long campaignId) {
		return this.jdbc.sql("""
				select first_name_sealed, last_name_sealed, zip_sealed, confirmed_at from signatures
				where campaign_id = ? and confirmed_at is not null and invalidated_at is null
				and anonymized_at is null and show_publicly = true
				order by confirmed_at desc, id desc limit""" + " " + SHOWN)
			.param(campaignId)
			.query((rs, n) -> signer(rs.getBytes("first_name_sealed"), rs.getBytes("last_name_sealed"),
					rs.getBytes("zip_sealed"), true, rs.getObject("confirmed_at", OffsetDateTime.class)))
			.list();
	}

	private List<Comment> comments(long campaignId) {
		return this.jdbc.sql("""
				select first_name_sealed, last_name_sealed, zip_sealed, comment_sealed, show_publicly from signatures
				where campaign_id = ? and confirmed_at is not null and invalidated_at is null
				and anonymized_at is null and comment_sealed is not null and comment_hidden = false
				order by confirmed_at desc, id desc limit""" + " " + SHOWN)
			.param(campaignId)
			.query((rs,
					n) -> new Comment(
							signer(rs.getBytes("first_name_sealed"), rs.getBytes("last_name_sealed"),
									rs.getBytes("zip_sealed"), rs.getBoolean("show_publicly"), null),
							open(rs.getBytes("comment_sealed"), "comment")))
			.list();
	}

	private Signer signer(byte @Nullable [] first, byte @Nullable [] last, byte @Nullable [] zip, boolean shown,
			@Nullable OffsetDateTime confirmedAt) {
		if (!shown || first == null) {
			return new Signer(null, null, null);
		}
		String lastName = open(last, "last_name");
		String initial = (lastName == null || lastName.isEmpty()) ? ""
				: " " + new String(Character.toChars(Character.toUpperCase(lastName.codePointAt(0)))) + ".";
		return new Signer(open(first, "first_name") + initial, this.cities.of(open(zip, "zip")),
				(confirmedAt != null) ? confirmedAt.toInstant() : null);
	}

	@Contract("!null, _ -> !null")
	private @Nullable String open(byte @Nullable [] sealed, String column) {
		return this.cipher.open(sealed, "signatures." + column);
	}

	/** Forgets what this instance cached about a campaign. */
	void forget(long campaignId) {
		this.cache.remove(campaignId);
	}

	private record Cached(Wall wall, long readAt) {
	}

}
