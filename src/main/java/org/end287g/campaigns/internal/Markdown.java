package org.end287g.campaigns.internal;

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
 * Leaders' Markdown as safe HTML: raw HTML is shown as text, links with a scheme other
 * than http, https or mailto are dropped (commonmark's URL sanitizer, data: refused too),
 * links are marked {@code nofollow ugc noopener}, images become links (a picture from
 * another site would tell it who reads the page) and every heading is of level 4, below
 * the update's own title, so that the page's outline skips no level.
 */
final class Markdown {

	private static final Parser PARSER = Parser.builder().build();

	private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
		.escapeHtml(true)
		.sanitizeUrls(true)
		.urlSanitizer(new DefaultUrlSanitizer(List.of("http", "https", "mailto")))
		.attributeProviderFactory(context -> (node, tagName, attributes) -> {
			if (node instanceof Link) {
				attributes.put("rel", "nofollow ugc noopener");
			}
		})
		.build();

	private Markdown() {
	}

	static String html(String markdown) {
		Node document = PARSER.parse((markdown == null) ? "" : markdown);
		List<Image> images = new ArrayList<>();
		document.accept(new AbstractVisitor() {
			@Override
			public void visit(Image image) {
				images.add(image);
				visitChildren(image);
			}

			@Override
			public void visit(Heading heading) {
				heading.setLevel(4);
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
		return RENDERER.render(document);
	}

}
