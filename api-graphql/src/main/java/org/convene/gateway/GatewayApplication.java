package org.convene.gateway;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Starts the gateway: GraphQL, GraphiQL, the REST facade and its OpenAPI description. */
@SpringBootApplication
@EnableScheduling
public class GatewayApplication {

	/** Its settings file, {@value}.yaml. */
	public static final String CONFIG_NAME = "api-graphql";

	public static void main(String[] args) {
		new SpringApplicationBuilder(GatewayApplication.class).properties("spring.config.name=" + CONFIG_NAME).run(args);
	}

}
