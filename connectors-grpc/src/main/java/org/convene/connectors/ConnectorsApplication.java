package org.convene.connectors;

import io.grpc.BindableService;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** Starts connectors-grpc: gRPC health and reflection now; vendor adapters as they arrive. */
@SpringBootApplication
public class ConnectorsApplication {

	/** Server reflection, so grpcurl-style tools can list and describe the services. */
	@Bean
	BindableService serverReflection() {
		return ProtoReflectionServiceV1.newInstance();
	}

	/** Its settings file, {@value}.yaml: several services share one classpath in the gateway's tests. */
	public static final String CONFIG_NAME = "connectors-grpc";

	public static void main(String[] args) {
		new SpringApplicationBuilder(ConnectorsApplication.class).properties("spring.config.name=" + CONFIG_NAME).run(args);
	}

}
