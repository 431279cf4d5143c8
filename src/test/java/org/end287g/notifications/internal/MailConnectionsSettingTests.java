package org.end287g.notifications.internal;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code end287g.mail.connections}: a start with a value the outbox cannot work with
 * fails at once, saying which setting and why, instead of a worker that never sends.
 */
class MailConnectionsSettingTests {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(Settings.class);

	@Test
	void theDefaultIsEightConnections() {
		this.context.run((started) -> assertThat(started.getBean(MailSettings.class).connections()).isEqualTo(8));
	}

	@Test
	void oneAndSixtyFourAreAccepted() {
		for (String good : new String[] { "1", "64", " 16 " }) {
			this.context.withPropertyValues("end287g.mail.connections=" + good)
				.run((started) -> assertThat(started).hasNotFailed());
		}
	}

	@Test
	void zeroNegativeOrTooManyConnectionsFailTheStartWithAClearMessage() {
		for (String bad : new String[] { "0", "-1", "-2147483648", "65", "100000" }) {
			this.context.withPropertyValues("end287g.mail.connections=" + bad).run((started) -> {
				assertThat(started).hasFailed();
				assertThat(started.getStartupFailure()).rootCause()
					.isInstanceOf(IllegalArgumentException.class)
					.hasMessage(
							"end287g.mail.connections must be between 1 and 64 (SMTP connections per instance), not "
									+ bad);
			});
		}
	}

	@Test
	void aValueThatIsNoNumberFailsTheStartNamingTheSetting() {
		for (String bad : new String[] { "", "eight", "8.5", "99999999999999999999", "8; DROP TABLE mail_outbox" }) {
			this.context.withPropertyValues("end287g.mail.connections=" + bad).run((started) -> {
				assertThat(started).hasFailed();
				assertThat(started.getStartupFailure()).hasStackTraceContaining("end287g.mail.connections");
			});
		}
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(MailSettings.class)
	static class Settings {

	}

}
