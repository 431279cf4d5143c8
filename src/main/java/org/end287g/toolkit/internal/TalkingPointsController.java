package org.end287g.toolkit.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Talking points per 287(g) model (JEM, TFM, WSO), each with its source, for leaders
 * speaking to neighbours, officials and the press. Public.
 */
@Controller
class TalkingPointsController {

	/** The sources the points cite, by message key, with their public address. */
	static final Map<String, String> SOURCES = sources();

	private static Map<String, String> sources() {
		Map<String, String> sources = new LinkedHashMap<>();
		sources.put("ice", "https://www.ice.gov/identify-and-arrest/287g");
		sources.put("gao", "https://www.gao.gov/products/gao-09-109");
		sources.put("oig", "https://www.oig.dhs.gov/assets/Mgmt/OIG_10-63_Mar10.pdf");
		sources.put("doj",
				"https://www.justice.gov/sites/default/files/crt/legacy/2011/12/15/mcso_findletter_12-15-11.pdf");
		sources.put("clackamas", null);
		return sources;
	}

	@GetMapping("/talking-points")
	String page(Model model) {
		model.addAttribute("sources", SOURCES);
		return "toolkit/talking-points";
	}

}
