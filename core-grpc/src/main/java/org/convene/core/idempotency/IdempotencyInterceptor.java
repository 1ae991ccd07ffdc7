package org.convene.core.idempotency;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.grpc.BindableService;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.grpc.server.GlobalServerInterceptor;
import org.springframework.stereotype.Component;
import org.springframework.util.ReflectionUtils;
import org.springframework.util.StringUtils;

import org.convene.core.grpc.RequestContext;
import org.convene.grpc.CallMetadata;
import org.convene.grpc.IdempotencyKeys;

/**
 * Makes every mutation idempotent per caller and key: a unary method declared with
 * {@code (convene.common.v1.mutation) = true}, called with {@code idempotency-key} metadata,
 * runs through {@link IdempotentCalls}. Ordered after the request context's interceptor,
 * which establishes the caller the key belongs to and turns this one's failures into
 * statuses.
 */
@Component
@GlobalServerInterceptor
@Order(RequestContext.INTERCEPTOR_ORDER + 100)
class IdempotencyInterceptor implements ServerInterceptor, SmartInitializingSingleton {

	private final IdempotentCalls calls;

	private final ObjectProvider<BindableService> services;

	/** Full names of the methods marked {@link StoresIdempotentResponse}. */
	private final Set<String> storedByService = ConcurrentHashMap.newKeySet();

	IdempotencyInterceptor(IdempotentCalls calls, ObjectProvider<BindableService> services) {
		this.calls = calls;
		this.services = services;
	}

	@Override
	public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(ServerCall<ReqT, RespT> call, Metadata headers,
			ServerCallHandler<ReqT, RespT> next) {
		String key = headers.get(CallMetadata.IDEMPOTENCY_KEY);
		MethodDescriptor<ReqT, RespT> method = call.getMethodDescriptor();
		if (key == null || !IdempotencyKeys.isMutation(method)) {
			return next.startCall(call, headers);
		}
		String problem = IdempotencyKeys.problem(key);
		if (problem != null) {
			throw IdempotencyErrors.invalid(problem);
		}
		CallerKey callerKey = new CallerKey(RequestContext.current().caller().describe(), key);
		if (this.storedByService.contains(method.getFullMethodName())) {
			return this.calls.storedByService(call, headers, next, callerKey);
		}
		return this.calls.inTransaction(call, headers, next, callerKey);
	}

	@Override
	public void afterSingletonsInstantiated() {
		this.services.orderedStream().forEach(this::register);
	}

	/** Notes the service's methods marked {@link StoresIdempotentResponse}. */
	void register(BindableService service) {
		ServerServiceDefinition definition = service.bindService();
		Set<String> served = definition.getMethods()
			.stream()
			.map(ServerMethodDefinition::getMethodDescriptor)
			.map(MethodDescriptor::getFullMethodName)
			.collect(java.util.stream.Collectors.toSet());
		ReflectionUtils.doWithMethods(AopUtils.getTargetClass(service), method -> {
			String name = definition.getServiceDescriptor().getName() + "/" + StringUtils.capitalize(method.getName());
			if (!served.contains(name)) {
				throw new IllegalStateException(method + " is marked @StoresIdempotentResponse but serves no method "
						+ "of " + definition.getServiceDescriptor().getName());
			}
			this.storedByService.add(name);
		}, method -> AnnotatedElementUtils.hasAnnotation(method, StoresIdempotentResponse.class));
	}

}
