package org.end287g.site;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The pages that explain: what 287(g) is, who we are, and how to reuse our data.
 */
@Controller
class ContentPages {

	@GetMapping("/what-is-287g")
	String explainer(Model model) {
		return page(model, "site/explainer", "explainer.description");
	}

	@GetMapping("/about")
	String about(Model model) {
		return page(model, "site/about", "about.description");
	}

	@GetMapping("/data")
	String openData(Model model) {
		return page(model, "site/data", "data.description");
	}

	/**
	 * The layout reads {@code metaDescription} as a message key for the page's meta
	 * description.
	 */
	private static String page(Model model, String view, String descriptionKey) {
		model.addAttribute("metaDescription", descriptionKey);
		return view;
	}

}
