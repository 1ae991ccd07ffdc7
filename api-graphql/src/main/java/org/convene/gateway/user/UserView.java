package org.convene.gateway.user;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.convene.core.v1.proto.Preferences;
import org.convene.core.v1.proto.ProfileLink;
import org.convene.core.v1.proto.SpeakerProfile;
import org.convene.core.v1.proto.User;
import org.convene.grpc.ProtoTime;

/**
 * A user as GraphQL and REST show it. What core shows only to the user and to
 * administrators (e-mail address, its verification, roles, preferences) is null when core
 * withheld it; so is every part core left unset, and every empty text.
 *
 * @param id UUID
 * @param displayName name shown to others
 * @param email e-mail address, or null when not shown
 * @param emailVerified whether the address was confirmed, or null when the address is not shown
 * @param roles role names, or null when not shown
 * @param status {@code ACTIVE} or {@code DISABLED}
 * @param preferences settings, or null when not shown
 * @param speakerProfile public speaker profile, or null when the user has none
 * @param createdAt when the account was opened, in UTC
 * @param updatedAt when it last changed, in UTC
 * @param version increases with every change; the ETag
 */
public record UserView(String id, String displayName, String email, Boolean emailVerified, List<String> roles,
		String status, PreferencesView preferences, SpeakerProfileView speakerProfile, OffsetDateTime createdAt,
		OffsetDateTime updatedAt, long version) {

	public static UserView of(User user) {
		String email = emptyToNull(user.getEmail());
		return new UserView(user.getId(), user.getDisplayName(), email, email == null ? null : user.getEmailVerified(),
				user.getRolesCount() == 0 ? null : user.getRolesList().stream().map(Enum::name).toList(),
				user.getStatus().name(), user.hasPreferences() ? PreferencesView.of(user.getPreferences()) : null,
				user.hasSpeakerProfile() ? SpeakerProfileView.of(user.getSpeakerProfile()) : null,
				ProtoTime.utc(user.hasCreatedAt(), user.getCreatedAt()),
				ProtoTime.utc(user.hasUpdatedAt(), user.getUpdatedAt()),
				user.getVersion());
	}

	/** The strong ETag of this version of the user. */
	public String etag() {
		return "\"" + this.version + "\"";
	}

	/** Hypermedia links of the REST representation. */
	@JsonProperty("_links")
	public Map<String, Link> links() {
		return Map.of("self", new Link("/api/v1/users/" + this.id));
	}

	static String emptyToNull(String value) {
		return value.isEmpty() ? null : value;
	}

	/** @param href the linked resource */
	public record Link(String href) {
	}

	/**
	 * @param language BCP 47 language tag, or null
	 * @param timeZone IANA time zone, or null
	 * @param channels channel names ({@code EMAIL}, {@code SMS}, {@code PUSH}) the user accepts messages on
	 */
	public record PreferencesView(String language, String timeZone, List<String> channels) {

		static PreferencesView of(Preferences preferences) {
			return new PreferencesView(emptyToNull(preferences.getLanguage()), emptyToNull(preferences.getTimeZone()),
					preferences.getChannelsList().stream().map(Enum::name).toList());
		}

	}

	/**
	 * What attendees see of a speaker.
	 *
	 * @param bio about the speaker, or null
	 * @param photoUrl https URL of a photo, or null
	 * @param links links to elsewhere
	 * @param topics what the speaker talks about
	 */
	public record SpeakerProfileView(String bio, String photoUrl, List<LinkView> links, List<String> topics) {

		static SpeakerProfileView of(SpeakerProfile profile) {
			return new SpeakerProfileView(emptyToNull(profile.getBio()), emptyToNull(profile.getPhotoUrl()),
					profile.getLinksList().stream().map(LinkView::of).toList(), List.copyOf(profile.getTopicsList()));
		}

	}

	/**
	 * A link on a speaker profile.
	 *
	 * @param label what it is, e.g. Website
	 * @param url an https URL
	 */
	public record LinkView(String label, String url) {

		static LinkView of(ProfileLink link) {
			return new LinkView(link.getLabel(), link.getUrl());
		}

	}

}
