package org.convene.gateway.user;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.google.protobuf.FieldMask;
import com.google.protobuf.Message;

import org.convene.core.v1.proto.ChangePasswordRequest;
import org.convene.core.v1.proto.ListUsersRequest;
import org.convene.core.v1.proto.SetRolesRequest;
import org.convene.core.v1.proto.SetUserStatusRequest;
import org.convene.core.v1.proto.SignUpRequest;
import org.convene.core.v1.proto.UpdateProfileRequest;
import org.convene.grpc.ApiError;
import org.convene.grpc.ApiException;
import org.convene.gateway.web.ProtoInput;
import org.convene.grpc.FieldViolation;

/**
 * The one conversion of user input, from a REST JSON body or a GraphQL input object, into
 * the request core-grpc takes. Field names are the JSON names of the proto messages, so the
 * same input means the same thing through every door. Each field is read on its own, so a
 * type error names the field it is in; fields the request does not have are refused. What
 * the values must be (lengths, formats, which roles) is core's to check.
 */
final class UserInputs {

	private static final String PREFERENCES = "an object with language (a BCP 47 tag such as de-DE), "
			+ "timeZone (an IANA time zone such as Europe/Berlin) and channels (an array of EMAIL, SMS, PUSH)";

	private static final String SPEAKER_PROFILE = "an object with bio, photoUrl (an https URL), "
			+ "links (an array of {label, url}) and topics (an array of strings)";

	private static final String ROLES = "an array of ADMIN, ORGANIZER, SPEAKER or ATTENDEE";

	private static final Map<String, String> SIGN_UP_FIELDS = Map.of("email", "a string", "password", "a string",
			"displayName", "a string", "preferences", PREFERENCES);

	/** The writable fields of a profile, with the update mask path each one stands for. */
	private static final Map<String, String> PROFILE_PATHS = Map.of("displayName", "display_name", "preferences",
			"preferences", "speakerProfile", "speaker_profile");

	private static final Map<String, String> PROFILE_FIELDS = Map.of("displayName", "a string", "preferences",
			PREFERENCES, "speakerProfile", SPEAKER_PROFILE);

	private static final Map<String, String> PASSWORD_FIELDS = Map.of("currentPassword", "a string", "newPassword",
			"a string");

	private UserInputs() {
	}

	static SignUpRequest signUp(Map<String, Object> input) {
		List<FieldViolation> violations = new ArrayList<>();
		SignUpRequest.Builder request = SignUpRequest.newBuilder();
		ProtoInput.merge(input, SIGN_UP_FIELDS, "is not a field of a sign-up", request, violations);
		ProtoInput.throwIfAny(violations);
		return request.build();
	}

	/**
	 * A profile change: the fields given are replaced whole (objects too), a field given as
	 * null is cleared.
	 */
	static UpdateProfileRequest update(String id, Map<String, Object> fields, long expectedVersion) {
		List<FieldViolation> violations = new ArrayList<>();
		UpdateProfileRequest.Builder request = UpdateProfileRequest.newBuilder();
		ProtoInput.merge(fields, PROFILE_FIELDS, "is not a writable field of a profile", request, violations);
		if (fields.isEmpty()) {
			violations.add(new FieldViolation("body", "name at least one of displayName, preferences, speakerProfile"));
		}
		ProtoInput.throwIfAny(violations);
		return request.setId(id)
			.setUpdateMask(FieldMask.newBuilder().addAllPaths(fields.keySet().stream().map(PROFILE_PATHS::get).toList()))
			.setExpectedVersion(expectedVersion)
			.build();
	}

	static ChangePasswordRequest changePassword(Map<String, Object> input) {
		List<FieldViolation> violations = new ArrayList<>();
		ChangePasswordRequest.Builder request = ChangePasswordRequest.newBuilder();
		ProtoInput.merge(input, PASSWORD_FIELDS, "is not a field of a password change", request, violations);
		ProtoInput.throwIfAny(violations);
		return request.build();
	}

	/** {@code {"roles": [...]}}; an absent or empty list is left for core to refuse. */
	static SetRolesRequest roles(String id, Map<String, Object> input) {
		List<FieldViolation> violations = new ArrayList<>();
		SetRolesRequest.Builder request = SetRolesRequest.newBuilder();
		ProtoInput.merge(input, Map.of("roles", ROLES), "is not a field of a role change", request, violations);
		ProtoInput.throwIfAny(violations);
		return request.setId(id).build();
	}

	/** {@code {"status": "ACTIVE"|"DISABLED"}}; an absent status is left for core to refuse. */
	static SetUserStatusRequest status(String id, Map<String, Object> input) {
		List<FieldViolation> violations = new ArrayList<>();
		SetUserStatusRequest.Builder request = SetUserStatusRequest.newBuilder();
		ProtoInput.merge(input, Map.of("status", "ACTIVE or DISABLED"), "is not a field of a status change", request, violations);
		ProtoInput.throwIfAny(violations);
		return request.setId(id).build();
	}

	/** The filter of the administrators' list; {@code role} may be given in any case. */
	static ListUsersRequest.Builder list(String query, String role) {
		List<FieldViolation> violations = new ArrayList<>();
		ListUsersRequest.Builder request = ListUsersRequest.newBuilder();
		if (query != null) {
			request.setQuery(query);
		}
		if (role != null && !role.isBlank()) {
			ProtoInput.mergeField("role", role.strip().toUpperCase(Locale.ROOT), "ADMIN, ORGANIZER, SPEAKER or ATTENDEE", request,
					violations);
		}
		ProtoInput.throwIfAny(violations);
		return request;
	}

}
