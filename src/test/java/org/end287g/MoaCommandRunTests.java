package org.end287g;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code java -jar end287g.jar moa}: the jar runs the command, without a web server. */
class MoaCommandRunTests {

	@Test
	void theJarRunsTheMoaCommandAndExplainsItsUsage() {
		PrintStream original = System.out;
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		int exit;
		try {
			System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
			exit = End287gApplication.runCommand(new String[] { "moa", "--agency" });
		}
		finally {
			System.setOut(original);
		}
		String output = bytes.toString(StandardCharsets.UTF_8);
		assertThat(exit).as(output).isEqualTo(2);
		assertThat(output).contains("usage: moa PATH...");
	}

}
