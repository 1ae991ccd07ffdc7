package org.convene.core.user;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import com.google.protobuf.FieldMask;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.convene.core.auth.Caller;
import org.convene.core.auth.Scopes;
import org.convene.core.grpc.Versions;
import org.convene.core.v1.proto.Preferences;
import org.convene.core.v1.proto.SpeakerProfile;
import org.convene.core.v1.proto.UpdateProfileRequest;
import org.convene.core.v1.proto.User;
import org.convene.grpc.FieldViolation;
import org.convene.schema.core.tables.records.AppUserRecord;

/** Changes what users say about themselves: display name, preferences, speaker profile. */
@Service
@Transactional
class Profiles {

	/** The fields an update may name, in the snake_case of the proto. */
	static final Set<String> FIELDS = Set.of("display_name", "preferences", "speaker_profile");

	private final UserRepository users;

	Profiles(UserRepository users) {
		this.users = users;
	}

	/** The user themself or an administrator; the version moves on only when something changed. */
	User update(UpdateProfileRequest request) {
		Caller caller = UserRules.caller().require(Scopes.USERS_WRITE);
		UUID userId = UserRules.id(request.getId(), caller, "id");
		if (!UserRules.seesAll(caller, userId)) {
			throw Caller.denied("Only the user themself or an administrator may change a profile");
		}
		List<FieldViolation> violations = new ArrayList<>();
		Set<String> paths = paths(request.getUpdateMask(), violations);
		String displayName = paths.contains("display_name")
				? UserValidation.displayName(request.getDisplayName(), "displayName", violations) : null;
		Preferences preferences = paths.contains("preferences")
				? UserValidation.preferences(request.getPreferences(), violations) : null;
		SpeakerProfile profile = paths.contains("speaker_profile")
				? UserValidation.speakerProfile(request.getSpeakerProfile(), violations) : null;
		UserRules.throwIfAny(violations);
		AppUserRecord user = this.users.lock(userId);
		Versions.check("user", request.getExpectedVersion(), user.getVersion());
		User before = UserRecords.toProto(user, true);
		if (displayName != null) {
			user.setDisplayName(displayName);
		}
		if (preferences != null) {
			user.setPreferences(UserRecords.json(preferences));
		}
		if (profile != null) {
			user.setSpeakerProfile(profile.equals(SpeakerProfile.getDefaultInstance()) ? null : UserRecords.json(profile));
		}
		if (UserRecords.toProto(user, true).equals(before)) {
			return before;
		}
		this.users.update(user);
		return UserRecords.toProto(user, true);
	}

	/** The fields an update mask names, in snake_case; camelCase is accepted, unknown names are violations. */
	private static Set<String> paths(FieldMask mask, List<FieldViolation> violations) {
		Set<String> paths = new LinkedHashSet<>();
		for (String path : mask.getPathsList()) {
			String snake = path.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
			if (FIELDS.contains(snake)) {
				paths.add(snake);
			}
			else {
				violations.add(new FieldViolation("updateMask", "'" + path + "' is not a writable field of a profile"));
			}
		}
		if (mask.getPathsCount() == 0) {
			violations.add(new FieldViolation("updateMask", "name at least one of display_name, preferences, speaker_profile"));
		}
		return paths;
	}

}
