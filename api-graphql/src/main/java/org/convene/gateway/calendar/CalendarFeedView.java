package org.convene.gateway.calendar;

import java.time.OffsetDateTime;


import org.convene.grpc.ProtoTime;
import org.convene.session.v1.proto.CalendarFeed;

/**
 * An agenda feed as GraphQL and REST show it, never with its token. Times are in UTC.
 *
 * @param id UUID
 * @param name what its owner calls it
 * @param prefix the first characters of its token, to tell feeds apart
 * @param createdAt when it was created
 * @param revokedAt when it was revoked, or null while it works
 */
record CalendarFeedView(String id, String name, String prefix, OffsetDateTime createdAt, OffsetDateTime revokedAt) {

	static CalendarFeedView of(CalendarFeed feed) {
		return new CalendarFeedView(feed.getId(), feed.getName(), feed.getPrefix(), ProtoTime.utc(true,
		feed.getCreatedAt()),
				ProtoTime.utc(feed.hasRevokedAt(), feed.getRevokedAt()));
	}

	/**
	 * A feed just created, with its private URL: the only time the token is shown. The GraphQL
	 * type of the same name.
	 *
	 * @param feed the feed
	 * @param token the secret token
	 * @param url the URL to subscribe to (https or http, as the gateway is reached)
	 * @param webcalUrl the same URL with the webcal scheme, which opens the subscription dialog of
	 * Apple Calendar and Outlook
	 */
	record CreatedCalendarFeed(CalendarFeedView feed, String token, String url, String webcalUrl) {

		static CreatedCalendarFeed of(org.convene.session.v1.proto.CreatedCalendarFeed created, CalendarUrls urls) {
			String url = urls.feed(created.getToken());
			return new CreatedCalendarFeed(CalendarFeedView.of(created.getFeed()), created.getToken(), url,
					url.replaceFirst("^https?://", "webcal://"));
		}

	}

}
