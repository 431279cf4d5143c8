package org.end287g.toolkit.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import javax.imageio.ImageIO;

import org.end287g.impact.HeadlineFigures;
import org.end287g.impact.HeadlineFigures.HeadlineFigure;
import org.end287g.problems.Problem;
import org.jspecify.annotations.Nullable;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public files of a campaign: share image, QR code, flyer, signature sheet and
 * handout, each in English or Spanish ({@code ?lang=es}); a QR code opens the campaign
 * page in its file's language, with the file as referral code. A file is kept in memory
 * per instance for the campaign's current facts (count, goal, petition, tracker data); a
 * new signature, an edit or an import changes the key, so a file is never older than the
 * count it shows. The cache may be lost at any time.
 */
@Controller
class MaterialsController {

	private static final int CACHED_FILES = 256;

	private static final CacheControl PUBLIC = CacheControl.maxAge(java.time.Duration.ofMinutes(1)).cachePublic();

	private final CampaignFacts facts;

	private final ShareImage shareImage;

	private final PrintedMaterials printed;

	private final SignatureSheet sheets;

	private final Map<String, byte[]> cache = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
			return size() > CACHED_FILES;
		}

	});

	private final HeadlineFigures headlines;

	MaterialsController(CampaignFacts facts, ShareImage shareImage, PrintedMaterials printed, SignatureSheet sheets,
			HeadlineFigures headlines) {
		this.headlines = headlines;
		this.facts = facts;
		this.shareImage = shareImage;
		this.printed = printed;
		this.sheets = sheets;
	}

	@GetMapping("/campaigns/{slug}/share.png")
	ResponseEntity<byte[]> share(@PathVariable String slug, @RequestParam(required = false) @Nullable String lang,
			Locale locale) {
		CampaignFacts.Facts facts = this.facts.of(slug);
		Locale language = MaterialLanguage.of(lang, locale);
		HeadlineFigure headline = this.headlines.of(facts.campaign().agencySlug(), language).orElse(null);
		return file("share" + ((headline != null) ? headline.hashCode() : ""), facts, language, MediaType.IMAGE_PNG,
				null, () -> png(this.shareImage.draw(facts, language, headline)));
	}

	@GetMapping("/campaigns/{slug}/qr.png")
	ResponseEntity<byte[]> qr(@PathVariable String slug, @RequestParam(required = false) @Nullable String lang,
			Locale locale) {
		CampaignFacts.Facts facts = this.facts.of(slug);
		Locale language = MaterialLanguage.of(lang, locale);
		return file("qr", facts, language, MediaType.IMAGE_PNG, null,
				() -> png(QrCodes.image(PrintedMaterials.link(facts, language, "qr"), 480)));
	}

	@GetMapping("/campaigns/{slug}/flyer.pdf")
	ResponseEntity<byte[]> flyer(@PathVariable String slug, @RequestParam(required = false) @Nullable String lang,
			Locale locale) {
		CampaignFacts.Facts facts = this.facts.of(slug);
		Locale language = MaterialLanguage.of(lang, locale);
		return file("flyer", facts, language, MediaType.APPLICATION_PDF, "flyer",
				() -> this.printed.flyer(facts, language));
	}

	@GetMapping("/campaigns/{slug}/signature-sheet.pdf")
	ResponseEntity<byte[]> sheet(@PathVariable String slug, @RequestParam(required = false) @Nullable String lang,
			@RequestParam(required = false) @Nullable String sheet, Locale locale) {
		CampaignFacts.Facts facts = this.facts.of(slug);
		Locale language = MaterialLanguage.of(lang, locale);
		Integer number = sheetNumber(sheet);
		return file("sheet" + ((number != null) ? number : ""), facts, language, MediaType.APPLICATION_PDF,
				"signature-sheet", () -> this.sheets.pdf(facts, language, number));
	}

	@GetMapping("/campaigns/{slug}/handout.pdf")
	ResponseEntity<byte[]> handout(@PathVariable String slug, @RequestParam(required = false) @Nullable String lang,
			Locale locale) {
		CampaignFacts.Facts facts = this.facts.of(slug);
		Locale language = MaterialLanguage.of(lang, locale);
		HeadlineFigure headline = this.headlines.of(facts.campaign().agencySlug(), language).orElse(null);
		return file("handout" + ((headline != null) ? headline.hashCode() : ""), facts, language,
				MediaType.APPLICATION_PDF, "handout", () -> this.printed.handout(facts, language, headline));
	}

	private ResponseEntity<byte[]> file(String kind, CampaignFacts.Facts facts, Locale language, MediaType type,
			@Nullable String name, Supplier<byte[]> make) {
		String key = kind + "|" + facts.campaign().slug() + "|" + language.getLanguage() + "|" + facts.version();
		byte[] body = this.cache.get(key);
		if (body == null) {
			body = make.get();
			this.cache.put(key, body);
		}
		ResponseEntity.BodyBuilder response = ResponseEntity.ok().contentType(type).cacheControl(PUBLIC);
		if (name != null) {
			response.header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + facts.campaign().slug() + "-"
					+ name + "-" + language.getLanguage() + ".pdf\"");
		}
		return response.body(body);
	}

	/** A sheet number from 1 to 9999, none when absent, else a 400. */
	static @Nullable Integer sheetNumber(@Nullable String sheet) {
		if (sheet == null || sheet.isEmpty()) {
			return null;
		}
		if (sheet.length() > 4 || !sheet.chars().allMatch((c) -> c >= '0' && c <= '9')) {
			throw Problem.badRequest("toolkit.error.sheet");
		}
		int number = Integer.parseInt(sheet);
		if (number < 1) {
			throw Problem.badRequest("toolkit.error.sheet");
		}
		return number;
	}

	static byte[] png(BufferedImage image) {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			ImageIO.write(image, "png", out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
