package org.end287g;

import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.actuate.endpoint.EndpointFilter;
import org.springframework.boot.actuate.endpoint.web.ExposableWebEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Keeps {@code /actuator/prometheus} off the public port: the endpoint exists only when
 * the actuator is served on a management port of its own ({@code management.server.port},
 * 8081 in the container image and the Kubernetes manifests). Without one (the default on
 * a developer's machine, several instances on one machine, the benchmarks) the public
 * port serves the health check alone, as before, and there are no metrics over HTTP.
 */
@Configuration(proxyBeanMethods = false)
class MetricsEndpointGuard {

	@Bean
	EndpointFilter<ExposableWebEndpoint> metricsOnlyOnTheManagementPort(Environment environment) {
		boolean separatePort = ManagementPortType.get(environment) == ManagementPortType.DIFFERENT;
		return (endpoint) -> separatePort || !"prometheus".equals(endpoint.getEndpointId().toLowerCaseString());
	}

}
