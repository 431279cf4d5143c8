package org.end287g.site;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Markdown people write becomes harmless HTML, whatever they write. */
class SafeMarkdownTests {

	static String html(String markdown) {
		return SafeMarkdown.html(markdown, 4, SafeMarkdown.Author.PUBLIC);
	}

	@Test
	void ordinaryMarkdownRenders() {
		assertThat(html("We met the **sheriff**.\n\n- one\n- two\n\n[Our page](https://example.org/a?b=1&c=2)"))
			.contains("<strong>sheriff</strong>", "<li>one</li>",
					"<a rel=\"nofollow ugc noopener\" href=\"https://example.org/a?b=1&amp;c=2\">Our page</a>");
	}

	@Test
	void rawHtmlAndScriptAreShownAsText() {
		String html = html("<script>alert(1)</script>\n\nHello <img src=x onerror=alert(1)> <b>bold</b>\n\n"
				+ "<iframe src=\"https://evil.example\"></iframe>");
		assertThat(html).doesNotContain("<script", "<img", "<iframe", "<b>")
			.contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt;");
	}

	@Test
	void unsafeLinkSchemesAreDropped() {
		for (String markdown : new String[] { "[click](javascript:alert(1))", "[click](JAVASCRIPT:alert(1))",
				"[click](vbscript:msgbox(1))", "[click](data:text/html;base64,PHNjcmlwdD4=)", "<javascript:alert(1)>",
				"[click][x]\n\n[x]: javascript:alert(1)" }) {
			String html = html(markdown);
			assertThat(html.toLowerCase()).as(markdown)
				.doesNotContain("href=\"javascript:", "href=\"vbscript:", "href=\"data:");
		}
		assertThat(html("[write](mailto:ana@example.org)")).contains("href=\"mailto:ana@example.org\"");
	}

	@Test
	void imagesBecomeLinksAndHeadingsStayBelowTheTitle() {
		String html = html(
				"# Big\n\n###### Small\n\n![a tracker](https://tracker.example/p.gif)\n\n![](https://x.example/y.png)");
		assertThat(html).doesNotContain("<img", "<h1", "<h6")
			.contains("<h4>Big</h4>", "<h4>Small</h4>",
					"<a rel=\"nofollow ugc noopener\" href=\"https://tracker.example/p.gif\">a tracker</a>",
					">https://x.example/y.png</a>");
	}

	@Test
	void emojiAndRightToLeftTextSurvive() {
		assertThat(html("✊🏽 مرحبا **שלום**")).contains("✊🏽 مرحبا <strong>שלום</strong>");
		assertThat(html(null)).isEmpty();
		assertThat(html("' OR 1=1 --")).contains("' OR 1=1 --");
	}

	@Test
	void staffTextGetsItsOwnHeadingLevelAndPlainLinks() {
		assertThat(SafeMarkdown.html("# Lesson\n\n[Read](https://example.org)", 2, SafeMarkdown.Author.STAFF))
			.contains("<h2>Lesson</h2>", "<a rel=\"noopener\" href=\"https://example.org\">Read</a>");
		assertThat(html("[Read](https://example.org)")).contains("rel=\"nofollow ugc noopener\"");
	}

}
