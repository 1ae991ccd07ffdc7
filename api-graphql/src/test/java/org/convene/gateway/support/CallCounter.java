package org.convene.gateway.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.MethodDescriptor;

/**
 * Counts the gRPC calls the gateway makes, by full method name. Left out: health checks, and
 * the gateway's own audit records, which a background thread ships in batches whenever they
 * are due, not because of the request under test.
 */
public class CallCounter implements ClientInterceptor {

	private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

	@Override
	public <ReqT, RespT> ClientCall<ReqT, RespT> interceptCall(MethodDescriptor<ReqT, RespT> method, CallOptions options,
			Channel next) {
		String name = method.getFullMethodName();
		if (!name.startsWith("grpc.health") && !name.equals("convene.core.v1.AuditService/RecordAuditEntries")) {
			this.counts.computeIfAbsent(name, m -> new AtomicInteger()).incrementAndGet();
		}
		return next.newCall(method, options);
	}

	public void reset() {
		this.counts.clear();
	}

	public Map<String, Integer> byMethod() {
		Map<String, Integer> snapshot = new LinkedHashMap<>();
		this.counts.forEach((method, count) -> snapshot.put(method, count.get()));
		return snapshot;
	}

}
