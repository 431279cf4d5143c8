package org.end287g.impact.internal;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

import org.end287g.printing.PrintFonts;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A win's share image (1200 x 630, what social networks show best): who ended its
 * agreement, how and when, drawn with Java2D in the site's own font, dark on white with
 * the green of wins, so a shared story carries its news in the picture too.
 */
@Component
class WinImage {

	static final int WIDTH = 1200;

	static final int HEIGHT = 630;

	private static final Color INK = new Color(0x1A, 0x1A, 0x1A);

	private static final Color WON = new Color(0x1D, 0x6B, 0x2F);

	private static final int MARGIN = 70;

	private final PrintFonts fonts;

	private final MessageSource messages;

	WinImage(PrintFonts fonts, MessageSource messages) {
		this.fonts = fonts;
		this.messages = messages;
	}

	/** The image as PNG bytes, in the language asked for. */
	byte[] png(Win win, Locale language) {
		BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, WIDTH, HEIGHT);
			g.setColor(WON);
			g.fillRect(0, 0, WIDTH, 16);
			int y = 110;
			g.setFont(this.fonts.image(Font.BOLD, 32));
			g.drawString(text("impact.image.kicker", language), MARGIN, y);
			g.setColor(INK);
			Font title = this.fonts.image(Font.BOLD, 62);
			List<String> lines = wrap(text("impact.win.share.title", language, win.agencyName()), title, g);
			if (lines.size() > 3) {
				title = this.fonts.image(Font.BOLD, 46);
				lines = wrap(text("impact.win.share.title", language, win.agencyName()), title, g);
			}
			g.setFont(title);
			FontMetrics metrics = g.getFontMetrics();
			for (String line : lines.subList(0, Math.min(4, lines.size()))) {
				y += metrics.getHeight();
				g.drawString(line, MARGIN, y);
			}
			g.setFont(this.fonts.image(Font.PLAIN, 34));
			y += 70;
			String how = text("impact.how." + win.how(), language);
			Integer year = win.year();
			g.drawString((year != null) ? text("impact.image.howYear", language, how, year)
					: text("impact.image.how", language, how), MARGIN, y);
			g.setColor(WON);
			g.setFont(this.fonts.image(Font.BOLD, 30));
			g.drawString(text("impact.image.foot", language), MARGIN, HEIGHT - 60);
		}
		finally {
			g.dispose();
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private String text(String key, Locale language, Object... args) {
		return this.messages.getMessage(key, args, language);
	}

	/** Words in lines no wider than the image's text column. */
	private static List<String> wrap(String text, Font font, Graphics2D g) {
		FontMetrics metrics = g.getFontMetrics(font);
		List<String> lines = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		for (String word : text.split("\\s+")) {
			String candidate = line.isEmpty() ? word : line + " " + word;
			if (!line.isEmpty() && metrics.stringWidth(candidate) > WIDTH - 2 * MARGIN) {
				lines.add(line.toString());
				line = new StringBuilder(word);
			}
			else {
				line = new StringBuilder(candidate);
			}
		}
		if (!line.isEmpty()) {
			lines.add(line.toString());
		}
		return lines;
	}

}
