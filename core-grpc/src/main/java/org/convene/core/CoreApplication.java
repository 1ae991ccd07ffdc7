package org.convene.core;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Starts core-grpc: the domain services on a gRPC port, health probes on an HTTP port. */
@SpringBootApplication
@EnableScheduling
public class CoreApplication {

	/** Its settings file, {@value}.yaml: several services share one classpath in the gateway's tests. */
	public static final String CONFIG_NAME = "core-grpc";

	public static void main(String[] args) {
		new SpringApplicationBuilder(CoreApplication.class).properties("spring.config.name=" + CONFIG_NAME).run(args);
	}

}
