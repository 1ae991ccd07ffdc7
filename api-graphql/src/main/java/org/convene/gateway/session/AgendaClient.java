package org.convene.gateway.session;

import io.grpc.ManagedChannel;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.convene.session.v1.proto.AgendaServiceGrpc;

/** The stub of core's {@code convene.session.v1.AgendaService}, on the channel to core. */
@Configuration(proxyBeanMethods = false)
class AgendaClient {

	@Bean
	AgendaServiceGrpc.AgendaServiceBlockingStub agendaService(ManagedChannel coreChannel) {
		return AgendaServiceGrpc.newBlockingStub(coreChannel);
	}

}
