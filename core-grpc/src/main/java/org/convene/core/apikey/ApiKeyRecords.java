package org.convene.core.apikey;

import java.time.Instant;
import java.util.Arrays;
import java.util.function.Consumer;

import org.convene.core.v1.proto.ApiKey;
import org.convene.grpc.ProtoTime;
import org.convene.schema.core.tables.records.ApiKeyRecord;

/** Turns stored key rows into their API form, which never holds the secret. */
final class ApiKeyRecords {

	private ApiKeyRecords() {
	}

	static ApiKey toProto(ApiKeyRecord row) {
		ApiKey.Builder key = ApiKey.newBuilder()
			.setId(row.getId().toString())
			.setName(row.getName())
			.setOwnerId(row.getOwnerId().toString())
			.addAllScopes(Arrays.asList(row.getScopes()))
			.setPrefix(row.getPrefix())
			.setCreatedAt(ProtoTime.of(row.getCreatedAt()));
		setIfPresent(row.getExpiresAt(), t -> key.setExpiresAt(ProtoTime.of(t)));
		setIfPresent(row.getLastUsedAt(), t -> key.setLastUsedAt(ProtoTime.of(t)));
		setIfPresent(row.getRevokedAt(), t -> key.setRevokedAt(ProtoTime.of(t)));
		return key.build();
	}

	private static void setIfPresent(Instant value, Consumer<Instant> setter) {
		if (value != null) {
			setter.accept(value);
		}
	}

}
