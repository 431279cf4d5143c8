package org.end287g.toolkit.internal;

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
 * Staff's lesson Markdown as safe HTML (commonmark-java, as campaign updates are): raw
 * HTML shown as text, only http, https and mailto links, images turned into links (no
 * picture from another site), every heading of level 2 under the lesson's title.
 */
final class LessonMarkdown {

	private static final Parser PARSER = Parser.builder().build();

	private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
		.escapeHtml(true)
		.sanitizeUrls(true)
		.urlSanitizer(new DefaultUrlSanitizer(List.of("http", "https", "mailto")))
		.attributeProviderFactory(context -> (node, tagName, attributes) -> {
			if (node instanceof Link) {
				attributes.put("rel", "noopener");
			}
		})
		.build();

	private LessonMarkdown() {
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
				heading.setLevel(2);
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
