package org.convene.gateway.calendar;

import io.grpc.ManagedChannel;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.convene.session.v1.proto.CalendarServiceGrpc;

/** The stub of core's CalendarService, on the channel the other core stubs use. */
@Configuration(proxyBeanMethods = false)
class CalendarClients {

	@Bean
	CalendarServiceGrpc.CalendarServiceBlockingStub calendarService(ManagedChannel coreChannel) {
		return CalendarServiceGrpc.newBlockingStub(coreChannel);
	}

}
