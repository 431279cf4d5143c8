package org.end287g;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code java -jar end287g.jar reseal} starts without a web server, reseals, exits 0. */
class ResealCommandTests {

	@Test
	void theCommandResealsEveryDeclaredColumnAndExits() {
		PrintStream original = System.out;
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		int exit;
		try {
			System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
			exit = End287gApplication.runCommand(new String[] { "reseal" });
		}
		finally {
			System.setOut(original);
		}
		String output = bytes.toString(StandardCharsets.UTF_8);
		assertThat(exit).as(output).isZero();
		assertThat(output).contains("values of supporters.email_sealed")
			.containsPattern("Resealed \\d+ values in \\d+ columns");
	}

}
