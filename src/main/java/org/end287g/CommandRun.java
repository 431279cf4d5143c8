package org.end287g;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Whether this run of the jar serves the site or carries out one command and exits
 * ({@code java -jar end287g.jar import ...}, {@code reseal}): jobs only a server does
 * (importing the first-start data, retrying listeners) stay off during a command. Read by
 * the tracker and the application itself, so it lives beside the application, outside
 * every module.
 *
 * @param cli the command this run carries out ("import", "reseal" or "moa", the jar's
 * first argument); blank when the site is served
 */
@ConfigurationProperties("end287g")
public record CommandRun(@DefaultValue("") String cli) {

	/** Whether this run serves the site (no command given). */
	public boolean servesSite() {
		return this.cli.isEmpty();
	}

}
