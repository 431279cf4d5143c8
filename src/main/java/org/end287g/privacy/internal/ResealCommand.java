package org.end287g.privacy.internal;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar end287g.jar reseal}: re-encrypts every sealed column with the primary
 * AEAD key, then exits (see docs/security.md, key rotation).
 */
@Component
@ConditionalOnProperty(name = "end287g.cli", havingValue = "reseal")
class ResealCommand implements ApplicationRunner, ExitCodeGenerator {

	private final Resealer resealer;

	private int exitCode;

	ResealCommand(Resealer resealer) {
		this.resealer = resealer;
	}

	@Override
	public void run(ApplicationArguments args) {
		try {
			long total = this.resealer.resealAll(System.out);
			System.out.println("Resealed " + total + " values in " + this.resealer.columns().size() + " columns");
			this.exitCode = 0;
		}
		catch (RuntimeException ex) {
			System.err.println("Reseal failed: " + ex.getMessage());
			this.exitCode = 1;
		}
	}

	@Override
	public int getExitCode() {
		return this.exitCode;
	}

}
