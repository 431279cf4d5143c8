package org.end287g;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@Modulithic(sharedModules = "validation")
@ConfigurationPropertiesScan
@EnableScheduling
public class End287gApplication {

	public static void main(String[] args) {
		if (args.length > 0 && ("import".equals(args[0]) || "reseal".equals(args[0]) || "moa".equals(args[0]))) {
			System.exit(runCommand(args));
		}
		SpringApplication.run(End287gApplication.class, args);
	}

	/**
	 * {@code import PATH...}: imports ICE's sheets; {@code reseal}: re-encrypts personal
	 * data with the primary key; {@code moa PATH...}: attaches agreement PDFs. All
	 * without starting the web server.
	 */
	static int runCommand(String[] args) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(End287gApplication.class)
			.web(WebApplicationType.NONE)
			.properties("end287g.cli=" + args[0], "end287g.ice.fetch.enabled=false", "spring.main.banner-mode=off")
			.run(args);
		return SpringApplication.exit(context);
	}

}
