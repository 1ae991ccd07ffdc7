package org.convene.core.connectors;

import java.util.concurrent.TimeUnit;

import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.grpc.client.GrpcChannelFactory;
import org.springframework.stereotype.Component;

/**
 * Reports whether connectors-grpc answers its gRPC health check. Part of the health
 * details, not of readiness: core keeps serving when a connector is down.
 */
@Component("connectors")
class ConnectorsHealthIndicator implements HealthIndicator {

	private final HealthGrpc.HealthBlockingStub health;

	ConnectorsHealthIndicator(GrpcChannelFactory channels) {
		ManagedChannel channel = channels.createChannel("connectors");
		this.health = HealthGrpc.newBlockingStub(channel);
	}

	@Override
	public Health health() {
		try {
			HealthCheckResponse response = this.health.withDeadlineAfter(2, TimeUnit.SECONDS)
				.check(HealthCheckRequest.getDefaultInstance());
			return response.getStatus() == HealthCheckResponse.ServingStatus.SERVING ? Health.up().build()
					: Health.down().withDetail("status", response.getStatus().name()).build();
		}
		catch (StatusRuntimeException ex) {
			return Health.down().withDetail("error", ex.getStatus().getCode().name()).build();
		}
	}

}
