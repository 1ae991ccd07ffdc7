package org.convene.gateway.graphql;

import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webmvc.GraphQlWebSocketHandler;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketSessionDecorator;

/**
 * GraphQL over WebSocket (graphql-transport-ws), as Spring Boot sets it up, except that a
 * refused {@code connection_init} closes with 4403 Forbidden, as the protocol recommends
 * (Spring GraphQL closes with 4401, which the protocol reserves for a subscribe sent before
 * the connection was acknowledged).
 */
@Configuration(proxyBeanMethods = false)
class GraphQlWebSocketConfiguration {

	@Bean
	GraphQlWebSocketHandler graphQlWebSocketHandler(WebGraphQlHandler handler, GraphQlProperties properties) {
		return new ForbiddingHandler(handler, properties);
	}

	private static final class ForbiddingHandler extends GraphQlWebSocketHandler {

		private static final JsonMapper JSON = JsonMapper.builder().build();

		private static final CloseStatus FORBIDDEN = new CloseStatus(4403, "Forbidden");

		ForbiddingHandler(WebGraphQlHandler handler, GraphQlProperties properties) {
			super(handler, new JacksonJsonHttpMessageConverter(), properties.getWebsocket().getConnectionInitTimeout(),
					properties.getWebsocket().getKeepAlive());
		}

		@Override
		protected void handleTextMessage(WebSocketSession session, TextMessage message) throws Exception {
			super.handleTextMessage(isConnectionInit(message) ? new RefusingInit(session) : session, message);
		}

		private static boolean isConnectionInit(TextMessage message) {
			try {
				return "connection_init".equals(JSON.readValue(message.getPayload(), Map.class).get("type"));
			}
			catch (RuntimeException ex) {
				return false;
			}
		}

	}

	/** While {@code connection_init} is handled, "Unauthorized" can only mean its credentials were refused. */
	private static final class RefusingInit extends WebSocketSessionDecorator {

		RefusingInit(WebSocketSession session) {
			super(session);
		}

		@Override
		public void close(CloseStatus status) throws java.io.IOException {
			super.close(status.getCode() == 4401 ? ForbiddingHandler.FORBIDDEN : status);
		}

	}

}
