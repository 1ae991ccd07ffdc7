package org.convene.grpc;

import com.google.protobuf.Descriptors;
import io.grpc.MethodDescriptor;
import io.grpc.protobuf.ProtoMethodDescriptorSupplier;

import org.convene.common.v1.proto.OptionsProto;

/**
 * The rules of idempotency keys shared by the services and the gateway: which methods take
 * one, and what a key may look like.
 */
public final class IdempotencyKeys {

	/** The most characters a key may have. */
	public static final int MAX_LENGTH = 255;

	/** What the doors call the key in their errors: the REST header's name. */
	public static final String TARGET = "Idempotency-Key";

	private IdempotencyKeys() {
	}

	/**
	 * Whether calls of the method honour an idempotency key: a unary method declared with
	 * {@code option (convene.common.v1.mutation) = true}.
	 */
	public static boolean isMutation(MethodDescriptor<?, ?> method) {
		if (method.getType() != MethodDescriptor.MethodType.UNARY
				|| !(method.getSchemaDescriptor() instanceof ProtoMethodDescriptorSupplier supplier)) {
			return false;
		}
		Descriptors.MethodDescriptor proto = supplier.getMethodDescriptor();
		return proto != null && proto.getOptions().getExtension(OptionsProto.mutation);
	}

	/** What is wrong with a key, or {@code null} for a valid one: 1 to 255 printable ASCII characters. */
	public static String problem(String key) {
		if (key == null || key.isEmpty()) {
			return "must not be empty";
		}
		if (key.length() > MAX_LENGTH) {
			return "must have at most " + MAX_LENGTH + " characters";
		}
		for (int i = 0; i < key.length(); i++) {
			char c = key.charAt(i);
			if (c < 0x20 || c > 0x7e) {
				return "must consist of printable ASCII characters (a UUID is a good key)";
			}
		}
		return null;
	}

}
