package org.convene.core.user;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.convene.core.v1.proto.Channel;
import org.convene.core.v1.proto.Preferences;
import org.convene.core.v1.proto.ProfileLink;
import org.convene.core.v1.proto.SpeakerProfile;
import org.convene.grpc.FieldViolation;

/**
 * The rules for what users enter about themselves, checked field by field. Each check
 * returns the value as it is stored (trimmed, canonical) and reports what is wrong as a
 * violation named in the caller's terms, e.g. {@code preferences.timeZone}.
 */
final class UserValidation {

	static final int MAX_EMAIL = 320;

	static final int MAX_DISPLAY_NAME = 200;

	static final int MAX_BIO = 5000;

	static final int MAX_LINKS = 10;

	static final int MAX_LINK_LABEL = 100;

	static final int MAX_TOPICS = 20;

	static final int MAX_TOPIC = 50;

	static final int MAX_URL = 2048;

	/** The HTML living standard's valid e-mail address, with at least one dot in the domain. */
	private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+"
			+ "@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

	private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();

	private UserValidation() {
	}

	static String email(String value, String field, List<FieldViolation> violations) {
		String email = value.strip();
		if (email.isEmpty()) {
			violations.add(new FieldViolation(field, "is required"));
		}
		else if (length(email) > MAX_EMAIL) {
			violations.add(new FieldViolation(field, "must be at most " + MAX_EMAIL + " characters"));
		}
		else if (!EMAIL.matcher(email).matches()) {
			violations.add(new FieldViolation(field, "is not a valid e-mail address"));
		}
		return email;
	}

	static void password(String password, String field, List<FieldViolation> violations) {
		int length = length(password);
		if (length < Passwords.MIN_LENGTH || length > Passwords.MAX_LENGTH) {
			violations.add(new FieldViolation(field,
					"must be " + Passwords.MIN_LENGTH + " to " + Passwords.MAX_LENGTH + " characters"));
		}
	}

	static String displayName(String value, String field, List<FieldViolation> violations) {
		String name = value.strip();
		if (name.isEmpty()) {
			violations.add(new FieldViolation(field, "is required"));
		}
		else if (length(name) > MAX_DISPLAY_NAME) {
			violations.add(new FieldViolation(field, "must be at most " + MAX_DISPLAY_NAME + " characters"));
		}
		return name;
	}

	static Preferences preferences(Preferences preferences, List<FieldViolation> violations) {
		Preferences.Builder checked = Preferences.newBuilder();
		String language = preferences.getLanguage().strip();
		if (!language.isEmpty()) {
			String canonical = Locale.forLanguageTag(language).toLanguageTag();
			if (canonical.equals("und") || !canonical.equalsIgnoreCase(language)) {
				violations.add(new FieldViolation("preferences.language", "must be a BCP 47 language tag such as de-DE"));
			}
			checked.setLanguage(canonical);
		}
		String zone = preferences.getTimeZone().strip();
		if (!zone.isEmpty() && !ZONES.contains(zone)) {
			violations.add(new FieldViolation("preferences.timeZone", "'" + zone + "' is not an IANA time zone"));
		}
		checked.setTimeZone(zone);
		Set<Channel> channels = new LinkedHashSet<>();
		for (Channel channel : preferences.getChannelsList()) {
			if (channel == Channel.CHANNEL_UNSPECIFIED || channel == Channel.UNRECOGNIZED) {
				violations.add(new FieldViolation("preferences.channels", "must be EMAIL, SMS or PUSH"));
			}
			else {
				channels.add(channel);
			}
		}
		return checked.addAllChannels(channels).build();
	}

	static SpeakerProfile speakerProfile(SpeakerProfile profile, List<FieldViolation> violations) {
		SpeakerProfile.Builder checked = SpeakerProfile.newBuilder().setBio(profile.getBio().strip());
		if (length(checked.getBio()) > MAX_BIO) {
			violations.add(new FieldViolation("speakerProfile.bio", "must be at most " + MAX_BIO + " characters"));
		}
		checked.setPhotoUrl(profile.getPhotoUrl().strip());
		if (!checked.getPhotoUrl().isEmpty()) {
			httpsUrl(checked.getPhotoUrl(), "speakerProfile.photoUrl", violations);
		}
		if (profile.getLinksCount() > MAX_LINKS) {
			violations.add(new FieldViolation("speakerProfile.links", "at most " + MAX_LINKS + " links"));
		}
		for (int i = 0; i < profile.getLinksCount(); i++) {
			ProfileLink link = profile.getLinks(i);
			String label = link.getLabel().strip();
			if (label.isEmpty() || length(label) > MAX_LINK_LABEL) {
				violations.add(new FieldViolation("speakerProfile.links[" + i + "].label",
						"must be 1 to " + MAX_LINK_LABEL + " characters"));
			}
			String url = link.getUrl().strip();
			httpsUrl(url, "speakerProfile.links[" + i + "].url", violations);
			checked.addLinks(ProfileLink.newBuilder().setLabel(label).setUrl(url));
		}
		if (profile.getTopicsCount() > MAX_TOPICS) {
			violations.add(new FieldViolation("speakerProfile.topics", "at most " + MAX_TOPICS + " topics"));
		}
		for (int i = 0; i < profile.getTopicsCount(); i++) {
			String topic = profile.getTopics(i).strip();
			if (topic.isEmpty() || length(topic) > MAX_TOPIC) {
				violations.add(new FieldViolation("speakerProfile.topics[" + i + "]", "must be 1 to " + MAX_TOPIC + " characters"));
			}
			checked.addTopics(topic);
		}
		return checked.build();
	}

	private static void httpsUrl(String value, String field, List<FieldViolation> violations) {
		try {
			URI uri = new URI(value);
			if (value.length() > MAX_URL || !"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
				violations.add(new FieldViolation(field, "must be an absolute https URL"));
			}
		}
		catch (URISyntaxException ex) {
			violations.add(new FieldViolation(field, "must be an absolute https URL"));
		}
	}

	/** Length in characters (code points), as PostgreSQL counts it. */
	static int length(String value) {
		return value.codePointCount(0, value.length());
	}

}
