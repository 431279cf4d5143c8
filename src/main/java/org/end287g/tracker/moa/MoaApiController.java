package org.end287g.tracker.moa;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/moa/search?q=}: the pages of the archived agreements holding the
 * words, for journalists and researchers. A bad query is the API's usual JSON 400.
 */
@RestController
class MoaApiController {

	private final MoaLibrary library;

	MoaApiController(MoaLibrary library) {
		this.library = library;
	}

	@GetMapping(path = "/api/v1/moa/search", produces = MediaType.APPLICATION_JSON_VALUE)
	List<ApiHit> search(@RequestParam(required = false) @Nullable String q) {
		return this.library.search(MoaQuery.of((q != null) ? q : ""))
			.stream()
			.map((hit) -> new ApiHit(new ApiAgency(hit.agencySlug(), hit.agencyName(), hit.state()), hit.model(),
					hit.kind(), hit.page(), hit.snippet().plain()))
			.toList();
	}

	/** The contract's shape of one hit. */
	record ApiHit(ApiAgency agency, String model, String document, int page, String snippet) {
	}

	/** The agency of a hit. */
	record ApiAgency(String slug, String name, String state) {
	}

}
