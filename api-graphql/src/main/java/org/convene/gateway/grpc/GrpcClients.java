package org.convene.gateway.grpc;

import io.grpc.ManagedChannel;
import io.grpc.health.v1.HealthGrpc;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.client.GrpcChannelFactory;

import org.convene.core.v1.proto.ApiKeyServiceGrpc;
import org.convene.core.v1.proto.AuditServiceGrpc;
import org.convene.core.v1.proto.ChangeServiceGrpc;
import org.convene.core.v1.proto.EventServiceGrpc;
import org.convene.core.v1.proto.UserServiceGrpc;
import org.convene.registration.v1.proto.RegistrationServiceGrpc;
import org.convene.registration.v1.proto.TicketTypeServiceGrpc;
import org.convene.session.v1.proto.SessionAttendanceServiceGrpc;
import org.convene.session.v1.proto.SessionFeedbackServiceGrpc;
import org.convene.session.v1.proto.SessionServiceGrpc;
import org.convene.ticket.v1.proto.CheckInServiceGrpc;
import org.convene.ticket.v1.proto.TicketServiceGrpc;
import org.convene.webhook.v1.proto.WebhookServiceGrpc;

/**
 * Channels to the services (addresses and deadlines from {@code spring.grpc.client.channels})
 * and the stubs the gateway calls them through.
 */
@Configuration(proxyBeanMethods = false)
class GrpcClients {

	@Bean
	ManagedChannel coreChannel(GrpcChannelFactory channels) {
		return channels.createChannel("core");
	}

	@Bean
	ManagedChannel coreChangesChannel(GrpcChannelFactory channels) {
		return channels.createChannel("core-changes");
	}

	@Bean
	ManagedChannel connectorsChannel(GrpcChannelFactory channels) {
		return channels.createChannel("connectors");
	}

	@Bean
	EventServiceGrpc.EventServiceBlockingStub eventService(ManagedChannel coreChannel) {
		return EventServiceGrpc.newBlockingStub(coreChannel);
	}

	@Bean
	UserServiceGrpc.UserServiceBlockingStub userService(ManagedChannel coreChannel) {
		return UserServiceGrpc.newBlockingStub(coreChannel);
	}

	@Bean
	ApiKeyServiceGrpc.ApiKeyServiceBlockingStub apiKeyService(ManagedChannel coreChannel) {
		return ApiKeyServiceGrpc.newBlockingStub(coreChannel);
	}

	@Bean
	WebhookServiceGrpc.WebhookServiceBlockingStub webhookService(ManagedChannel coreChannel) {
		return WebhookServiceGrpc.newBlockingStub(coreChannel);
	}

	@Bean
	SessionServiceGrpc.SessionServiceBlockingStub sessionService(ManagedChannel coreChannel) {
		return SessionServiceGrpc.newBlockingStub(coreChannel);
	}

	@Bean
	SessionAttendanceServiceGrpc.SessionAttendanceServiceBlockingStub sessionAttendanceService(ManagedChannel coreChannel) {
		return SessionAttendanceServiceGrpc.newBlockingStub(coreChannel);
	}

	@Bean
	SessionFeedbackServiceGrpc.SessionFeedbackServiceBlockingStub sessionFeedbackService(ManagedChannel coreChannel) {
		return SessionFeedbackServiceGrpc.newBlockingStub(coreChannel);
	}

	@Bean
	TicketTypeServiceGrpc.TicketTypeServiceBlockingStub ticketTypeService(ManagedChannel coreChannel) {
		return TicketTypeServiceGrpc.newBlockingStub(coreChannel);
	}

	@Bean
	RegistrationServiceGrpc.RegistrationServiceBlockingStub registrationService(ManagedChannel coreChannel) {
		return RegistrationServiceGrpc.newBlockingStub(coreChannel);
	}

	@Bean
	TicketServiceGrpc.TicketServiceBlockingStub ticketService(ManagedChannel coreChannel) {
		return TicketServiceGrpc.newBlockingStub(coreChannel);
	}

	@Bean
	CheckInServiceGrpc.CheckInServiceBlockingStub checkInService(ManagedChannel coreChannel) {
		return CheckInServiceGrpc.newBlockingStub(coreChannel);
	}

	/** Live changes; a stream lasts as long as its subscription, so its channel has no default deadline. */
	@Bean
	ChangeServiceGrpc.ChangeServiceStub changeService(ManagedChannel coreChangesChannel) {
		return ChangeServiceGrpc.newStub(coreChangesChannel);
	}

	/** The audit log as the caller reads it (core allows administrators only). */
	@Bean
	AuditServiceGrpc.AuditServiceBlockingStub auditService(ManagedChannel coreChannel) {
		return AuditServiceGrpc.newBlockingStub(coreChannel);
	}

	@Bean
	BackendHealthIndicator core(ManagedChannel coreChannel) {
		return new BackendHealthIndicator(HealthGrpc.newBlockingStub(coreChannel));
	}

	@Bean
	BackendHealthIndicator connectors(ManagedChannel connectorsChannel) {
		return new BackendHealthIndicator(HealthGrpc.newBlockingStub(connectorsChannel));
	}

}
