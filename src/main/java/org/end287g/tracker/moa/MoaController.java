package org.end287g.tracker.moa;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.end287g.problems.Problem;
import org.jspecify.annotations.Nullable;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /moa}: search every archived agreement's text, with the hits' agency, model,
 * page and words around them; and our copy of each agreement, served as a PDF.
 */
@Controller
class MoaController {

	private final MoaLibrary library;

	MoaController(MoaLibrary library) {
		this.library = library;
	}

	@GetMapping("/moa")
	String search(@RequestParam(required = false) @Nullable String q, Model model, HttpServletResponse response) {
		model.addAttribute("clauses", Clause.values());
		model.addAttribute("q", (q != null) ? q : "");
		if (q == null) {
			return "tracker/moa";
		}
		try {
			MoaQuery query = MoaQuery.of(q);
			List<MoaViews.Hit> hits = this.library.search(query);
			model.addAttribute("hits", hits);
			model.addAttribute("full", hits.size() >= MoaLibrary.MAX_HITS);
			Clause.of(query.folded())
				.map(this.library.notes()::get)
				.ifPresent((note) -> model.addAttribute("note", note));
		}
		catch (Problem problem) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("error", problem.getDetailMessageCode());
			model.addAttribute("errorArguments", problem.getDetailMessageArguments());
		}
		return "tracker/moa";
	}

	@GetMapping("/moa/documents/{id}")
	ResponseEntity<byte[]> document(@PathVariable String id) {
		MoaLibrary.Pdf pdf = (id.matches("\\d{1,18}")) ? this.library.pdf(Long.parseLong(id)).orElse(null) : null;
		if (pdf == null) {
			throw Problem.notFound("moa.error.document");
		}
		String name = pdf.fileName().replaceAll("[^A-Za-z0-9._-]", "_");
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename(name, StandardCharsets.UTF_8).build().toString())
			.cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
			.body(pdf.content());
	}

}
