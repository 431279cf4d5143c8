package org.end287g.site;

import java.util.ArrayList;
import java.util.List;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Markdown people write on the site (leaders' updates, staff's lessons) as safe HTML,
 * with commonmark-java: raw HTML is shown as text, links with a scheme other than http,
 * https or mailto are dropped (commonmark's URL sanitizer, data: refused too), images
 * become links (a picture from another site would tell it who reads the page) and every
 * heading gets the one level the page gives it, so that the page's outline skips none.
 */
public final class SafeMarkdown {

	/** Who wrote the text, which decides what its links say to search engines. */
	public enum Author {

		/** Anyone with a campaign (leaders): links are {@code nofollow ugc noopener}. */
		PUBLIC("nofollow ugc noopener"),
		/** Staff: links are {@code noopener}. */
		STAFF("noopener");

		private final HtmlRenderer renderer;

		Author(String rel) {
			this.renderer = HtmlRenderer.builder()
				.escapeHtml(true)
				.sanitizeUrls(true)
				.urlSanitizer(new DefaultUrlSanitizer(List.of("http", "https", "mailto")))
				.attributeProviderFactory((context) -> (node, tagName, attributes) -> {
					if (node instanceof Link) {
						attributes.put("rel", rel);
					}
				})
				.build();
		}

	}

	private static final Parser PARSER = Parser.builder().build();

	private SafeMarkdown() {
	}

	/**
	 * The HTML of a text, every heading at {@code headingLevel} (1 to 6).
	 */
	public static String html(String markdown, int headingLevel, Author author) {
		if (headingLevel < 1 || headingLevel > 6) {
			throw new IllegalArgumentException("Heading level " + headingLevel);
		}
		Node document = PARSER.parse((markdown != null) ? markdown : "");
		List<Image> images = new ArrayList<>();
		document.accept(new AbstractVisitor() {
			@Override
			public void visit(Image image) {
				images.add(image);
				visitChildren(image);
			}

			@Override
			public void visit(Heading heading) {
				heading.setLevel(headingLevel);
				visitChildren(heading);
			}
		});
		for (Image image : images) {
			Link link = new Link(image.getDestination(), image.getTitle());
			Node child = image.getFirstChild();
			while (child != null) {
				Node next = child.getNext();
				link.appendChild(child);
				child = next;
			}
			if (link.getFirstChild() == null) {
				link.appendChild(new Text(image.getDestination()));
			}
			image.insertAfter(link);
			image.unlink();
		}
		return author.renderer.render(document);
	}

}
