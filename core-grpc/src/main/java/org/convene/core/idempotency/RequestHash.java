package org.convene.core.idempotency;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.MessageLite;
import io.grpc.MethodDescriptor;

/**
 * The fingerprint of a request that a retry must match: SHA-256 of the full method name and
 * the request's deterministic protobuf serialization (map entries in key order), so the same
 * request always hashes the same, however the client serialized it.
 */
final class RequestHash {

	private RequestHash() {
	}

	static <ReqT> byte[] of(MethodDescriptor<ReqT, ?> method, ReqT request) {
		MessageDigest digest = CallerKey.sha256();
		digest.update(method.getFullMethodName().getBytes(StandardCharsets.UTF_8));
		digest.update((byte) 0);
		digest.update(serialize(method, request));
		return digest.digest();
	}

	private static <ReqT> byte[] serialize(MethodDescriptor<ReqT, ?> method, ReqT request) {
		try {
			if (request instanceof MessageLite message) {
				byte[] bytes = new byte[message.getSerializedSize()];
				CodedOutputStream output = CodedOutputStream.newInstance(bytes);
				output.useDeterministicSerialization();
				message.writeTo(output);
				output.checkNoSpaceLeft();
				return bytes;
			}
			try (InputStream stream = method.streamRequest(request)) {
				return stream.readAllBytes();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
