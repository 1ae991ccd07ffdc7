package org.convene.gateway.grpc;

import java.util.concurrent.TimeUnit;

import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** Whether a backend service answers its gRPC health check; the gateway is ready only when they do. */
class BackendHealthIndicator implements HealthIndicator {

	private final HealthGrpc.HealthBlockingStub health;

	BackendHealthIndicator(HealthGrpc.HealthBlockingStub health) {
		this.health = health;
	}

	@Override
	public Health health() {
		try {
			ServingStatus status = this.health.withDeadlineAfter(2, TimeUnit.SECONDS)
				.check(HealthCheckRequest.getDefaultInstance())
				.getStatus();
			return status == ServingStatus.SERVING ? Health.up().build() : Health.down().withDetail("status", status).build();
		}
		catch (StatusRuntimeException ex) {
			return Health.down().withDetail("error", ex.getStatus().getCode().name()).build();
		}
	}

}
