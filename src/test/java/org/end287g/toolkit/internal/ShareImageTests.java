package org.end287g.toolkit.internal;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;

import org.end287g.printing.PrintFonts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How a title too long for the share image is cut. */
class ShareImageTests {

	@Test
	void aTitleOfMoreThanThreeLinesEndsTheThirdWithAnEllipsisThatFits() {
		BufferedImage image = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		try {
			Font font = new ToolkitFonts(new PrintFonts()).image(Font.BOLD, 46);
			FontMetrics metrics = g.getFontMetrics(font);
			String title = "Petition to the Consolidated Municipality of Carson City Sheriff's Office and the "
					+ "Department of Corrections of the State of Nevada and its Detention Centers";
			List<String> lines = ShareImage.wrap(title, font, g, 1060);
			assertThat(lines).hasSizeGreaterThan(3);
			List<String> shown = ShareImage.firstLines(lines, 3, metrics, 1060);
			assertThat(shown).hasSize(3).startsWith(lines.get(0), lines.get(1));
			assertThat(shown.get(2)).endsWith("\u2026");
			assertThat(metrics.stringWidth(shown.get(2))).isLessThanOrEqualTo(1060);
			assertThat(ShareImage.firstLines(lines.subList(0, 2), 3, metrics, 1060)).isEqualTo(lines.subList(0, 2));
		}
		finally {
			g.dispose();
		}
	}

}
