package org.convene.core.calendar;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.convene.core.auth.Caller;
import org.convene.core.auth.Scopes;
import org.convene.core.grpc.RequestContext;
import org.convene.core.grpc.RequestIds;
import org.convene.grpc.ApiException;
import org.convene.grpc.ProtoTime;
import org.convene.schema.core.tables.records.CalendarFeedRecord;
import org.convene.session.v1.proto.CalendarFeed;
import org.convene.session.v1.proto.CreateCalendarFeedRequest;
import org.convene.session.v1.proto.CreatedCalendarFeed;
import org.convene.session.v1.proto.ListMyCalendarFeedsResponse;
import org.convene.session.v1.proto.RevokeCalendarFeedRequest;

/**
 * The private subscription URLs of users' agendas. A feed belongs to the user who created it:
 * only they list and revoke it (an administrator has no use for someone's token, and cannot
 * see it either). The token is shown once and stored as its SHA-256 digest.
 */
@Service
@Transactional
class CalendarFeeds {

	static final String PREFIX = "cal_";

	static final int MAX_NAME = 100;

	/** Characters of the token kept in the clear: {@code cal_} and 4 more. */
	private static final int SHOWN = 8;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final CalendarRepository calendars;

	CalendarFeeds(CalendarRepository calendars) {
		this.calendars = calendars;
	}

	CreatedCalendarFeed create(CreateCalendarFeedRequest request) {
		UUID owner = RequestContext.current().caller().require(Scopes.SESSIONS_WRITE).requireUser();
		String name = request.getName().strip().isEmpty() ? "Agenda" : request.getName().strip();
		if (name.codePointCount(0, name.length()) > MAX_NAME) {
			throw ApiException.invalid("name", "at most " + MAX_NAME + " characters");
		}
		String token = newToken();
		CalendarFeedRecord feed = this.calendars.newFeed();
		feed.setId(UUID.randomUUID());
		feed.setUserId(owner);
		feed.setName(name);
		feed.setTokenHash(hash(token));
		feed.setPrefix(token.substring(0, SHOWN));
		feed.setCreatedAt(now());
		feed.insert();
		return CreatedCalendarFeed.newBuilder().setFeed(toProto(feed)).setToken(token).build();
	}

	@Transactional(readOnly = true)
	ListMyCalendarFeedsResponse mine() {
		UUID owner = RequestContext.current().caller().require(Scopes.SESSIONS_READ).requireUser();
		List<CalendarFeed> feeds = this.calendars.feedsOf(owner).stream().map(CalendarFeeds::toProto).toList();
		return ListMyCalendarFeedsResponse.newBuilder().addAllFeeds(feeds).build();
	}

	/** Someone else's feed does not exist for the caller. */
	CalendarFeed revoke(RevokeCalendarFeedRequest request) {
		Caller caller = RequestContext.current().caller().require(Scopes.SESSIONS_WRITE);
		UUID owner = caller.requireUser();
		CalendarFeedRecord feed = this.calendars.lockFeed(RequestIds.uuid(request.getId(), "id"));
		if (feed == null || !owner.equals(feed.getUserId())) {
			throw ApiException.notFound("calendar feed", request.getId(), "id");
		}
		if (feed.getRevokedAt() == null) {
			feed.setRevokedAt(now());
			feed.update();
		}
		return toProto(feed);
	}

	/** The owner of the working feed with this token; NOT_FOUND for unknown and revoked tokens alike. */
	@Transactional(readOnly = true)
	UUID owner(String token) {
		CalendarFeedRecord feed = token.startsWith(PREFIX) ? this.calendars.feedByTokenHash(hash(token)) : null;
		if (feed == null || feed.getRevokedAt() != null) {
			throw ApiException.notFound("calendar feed", token.length() > SHOWN ? token.substring(0, SHOWN) + "..." : token,
					"token");
		}
		return feed.getUserId();
	}

	static byte[] hash(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static CalendarFeed toProto(CalendarFeedRecord feed) {
		CalendarFeed.Builder proto = CalendarFeed.newBuilder()
			.setId(feed.getId().toString())
			.setName(feed.getName())
			.setPrefix(feed.getPrefix())
			.setCreatedAt(ProtoTime.of(feed.getCreatedAt()));
		if (feed.getRevokedAt() != null) {
			proto.setRevokedAt(ProtoTime.of(feed.getRevokedAt()));
		}
		return proto.build();
	}

	/** {@code cal_} and 256 random bits, base64url without padding: safe in a URL path. */
	private static String newToken() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MICROS);
	}

}
