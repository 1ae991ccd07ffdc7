package org.convene.core.user;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import org.jooq.JSONB;

import org.convene.core.v1.proto.Preferences;
import org.convene.core.v1.proto.Role;
import org.convene.core.v1.proto.SpeakerProfile;
import org.convene.core.v1.proto.User;
import org.convene.core.v1.proto.UserStatus;
import org.convene.grpc.ProtoTime;
import org.convene.schema.core.tables.records.AppUserRecord;

/**
 * Turns stored user rows into their API form, and preferences and speaker profiles into
 * and out of JSON.
 */
final class UserRecords {

	private static final JsonFormat.Printer JSON = JsonFormat.printer().omittingInsignificantWhitespace();

	private static final JsonFormat.Parser PARSER = JsonFormat.parser().ignoringUnknownFields();

	private UserRecords() {
	}

	/** Now, at the microsecond precision PostgreSQL stores, so written and read values are equal. */
	static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MICROS);
	}

	/**
	 * The user as an API message.
	 * @param full whether to include what only the user and administrators see: e-mail
	 * address, its verification, roles and preferences
	 */
	static User toProto(AppUserRecord row, boolean full) {
		User.Builder user = User.newBuilder()
			.setId(row.getId().toString())
			.setDisplayName(row.getDisplayName())
			.setStatus(UserStatus.valueOf(row.getStatus()))
			.setCreatedAt(ProtoTime.of(row.getCreatedAt()))
			.setUpdatedAt(ProtoTime.of(row.getUpdatedAt()))
			.setVersion(row.getVersion());
		if (row.getSpeakerProfile() != null) {
			user.setSpeakerProfile(speakerProfile(row.getSpeakerProfile()));
		}
		if (full) {
			user.setEmail(row.getEmail())
				.setEmailVerified(row.getEmailVerified())
				.addAllRoles(roles(row.getRoles()))
				.setPreferences(preferences(row.getPreferences()));
		}
		return user.build();
	}

	static List<Role> roles(String[] names) {
		return Arrays.stream(names).map(Role::valueOf).sorted(Comparator.comparingInt(Role::getNumber)).toList();
	}

	/** Role names for the roles column, in the order of the enum, without duplicates. */
	static String[] roleNames(Collection<Role> roles) {
		return roles.stream().distinct().sorted(Comparator.comparingInt(Role::getNumber)).map(Role::name).toArray(String[]::new);
	}

	static Preferences preferences(JSONB json) {
		Preferences.Builder preferences = Preferences.newBuilder();
		merge(json, preferences);
		return preferences.build();
	}

	static SpeakerProfile speakerProfile(JSONB json) {
		SpeakerProfile.Builder profile = SpeakerProfile.newBuilder();
		merge(json, profile);
		return profile.build();
	}

	static JSONB json(Message message) {
		try {
			return JSONB.valueOf(JSON.print(message));
		}
		catch (InvalidProtocolBufferException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void merge(JSONB json, Message.Builder builder) {
		try {
			PARSER.merge(json.data(), builder);
		}
		catch (InvalidProtocolBufferException ex) {
			throw new IllegalStateException("Stored JSON is not a valid " + builder.getDescriptorForType().getName(), ex);
		}
	}

}
