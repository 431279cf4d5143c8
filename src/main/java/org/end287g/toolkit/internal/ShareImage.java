package org.end287g.toolkit.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.end287g.impact.HeadlineFigures.HeadlineFigure;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The campaign's share image (1200 x 630, the size social networks show best): title,
 * target, the count against the goal and a progress bar, drawn with Java2D in Liberation
 * Sans from the jar. Dark text on white, so it stays readable anywhere.
 */
@Component
class ShareImage {

	static final int WIDTH = 1200;

	static final int HEIGHT = 630;

	private static final Color INK = new Color(0x1A, 0x1A, 0x1A);

	private static final Color ACCENT = new Color(0x8A, 0x1C, 0x1C);

	private static final Color TRACK = new Color(0xE3, 0xE3, 0xE3);

	private final ToolkitFonts fonts;

	private final MessageSource messages;

	ShareImage(ToolkitFonts fonts, MessageSource messages) {
		this.fonts = fonts;
		this.messages = messages;
	}

	/**
	 * The image; {@code headline}, the agency's headline figure when we have one, goes in
	 * one line under the target (cut with an ellipsis), its source in one line at the
	 * foot.
	 */
	BufferedImage draw(CampaignFacts.Facts facts, Locale language, @Nullable HeadlineFigure headline) {
		BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, WIDTH, HEIGHT);
			g.setColor(ACCENT);
			g.fillRect(0, 0, WIDTH, 16);
			int margin = 70;
			int y = 100;
			g.setColor(ACCENT);
			g.setFont(this.fonts.image(Font.BOLD, 30));
			g.drawString(text("toolkit.image.kicker", language), margin, y);
			y += 30;
			Font titleFont = this.fonts.image(Font.BOLD, 60);
			List<String> title = wrap(text("toolkit.image.title", language, facts.agency()), titleFont, g,
					WIDTH - 2 * margin);
			if (title.size() > 3) {
				titleFont = this.fonts.image(Font.BOLD, 46);
				title = wrap(text("toolkit.image.title", language, facts.agency()), titleFont, g, WIDTH - 2 * margin);
			}
			g.setFont(titleFont);
			g.setColor(INK);
			FontMetrics metrics = g.getFontMetrics();
			for (String line : firstLines(title, 3, metrics, WIDTH - 2 * margin)) {
				y += metrics.getHeight();
				g.drawString(line, margin, y);
			}
			y += 56;
			g.setFont(this.fonts.image(Font.PLAIN, 32));
			g.drawString(text("toolkit.image.target", language, facts.place(), facts.stateName()), margin, y);
			long count = facts.count();
			int goal = Math.max(1, facts.campaign().goal());
			int barTop = HEIGHT - 170;
			int barWidth = WIDTH - 2 * margin;
			g.setColor(TRACK);
			g.fillRoundRect(margin, barTop, barWidth, 36, 36, 36);
			int filled = (int) Math.min(barWidth, Math.round((double) barWidth * count / goal));
			if (filled > 0) {
				g.setColor(ACCENT);
				g.fillRoundRect(margin, barTop, Math.max(36, filled), 36, 36, 36);
			}
			g.setColor(INK);
			g.setStroke(new BasicStroke(2));
			g.drawRoundRect(margin, barTop, barWidth, 36, 36, 36);
			g.setFont(this.fonts.image(Font.BOLD, 40));
			g.drawString(text("toolkit.image.count", language, count, facts.campaign().goal()), margin, barTop + 100);
			if (headline != null) {
				int width = WIDTH - 2 * margin;
				Font figureFont = this.fonts.image(Font.BOLD, 28);
				g.setFont(figureFont);
				g.setColor(ACCENT);
				g.drawString(oneLine(headline.text(), figureFont, g, width), margin, Math.min(y + 48, barTop - 16));
				Font sourceFont = this.fonts.image(Font.PLAIN, 20);
				g.setFont(sourceFont);
				g.setColor(INK);
				g.drawString(oneLine(headline.source(), sourceFont, g, width), margin, HEIGHT - 22);
			}
			return image;
		}
		finally {
			g.dispose();
		}
	}

	/**
	 * At most {@code max} lines; when there were more, the last one shown ends with an
	 * ellipsis and still fits the width.
	 */
	static List<String> firstLines(List<String> lines, int max, FontMetrics metrics, int width) {
		if (lines.size() <= max) {
			return lines;
		}
		List<String> shown = new ArrayList<>(lines.subList(0, max));
		String last = shown.get(max - 1);
		while (!last.isEmpty() && metrics.stringWidth(last + "\u2026") > width) {
			last = last.substring(0, last.offsetByCodePoints(last.length(), -1)).stripTrailing();
		}
		shown.set(max - 1, last + "\u2026");
		return shown;
	}

	/** A text in one line no wider than {@code width}, cut with an ellipsis. */
	static String oneLine(String text, Font font, Graphics2D g, int width) {
		FontMetrics metrics = g.getFontMetrics(font);
		List<String> lines = new ArrayList<>();
		for (String line : wrap(text, font, g, width)) {
			String fitted = line;
			while (fitted.length() > 1 && metrics.stringWidth(fitted) > width) {
				fitted = fitted.substring(0, fitted.offsetByCodePoints(fitted.length(), -1));
			}
			lines.add(fitted);
			if (!fitted.equals(line)) {
				lines.add("");
			}
		}
		return firstLines(lines, 1, metrics, width).get(0);
	}

	/** The words of a text in lines no wider than {@code width}. */
	static List<String> wrap(String text, Font font, Graphics2D g, int width) {
		FontMetrics metrics = g.getFontMetrics(font);
		List<String> lines = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		for (String word : text.split("\\s+")) {
			String candidate = line.isEmpty() ? word : line + " " + word;
			if (metrics.stringWidth(candidate) <= width || line.isEmpty()) {
				line.setLength(0);
				line.append(candidate);
			}
			else {
				lines.add(line.toString());
				line.setLength(0);
				line.append(word);
			}
		}
		if (!line.isEmpty()) {
			lines.add(line.toString());
		}
		return lines;
	}

	private String text(String key, Locale language, Object... args) {
		return this.messages.getMessage(key, args, language);
	}

}
