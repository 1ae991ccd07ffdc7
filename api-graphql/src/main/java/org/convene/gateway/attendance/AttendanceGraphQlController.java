package org.convene.gateway.attendance;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.schema.DataFetchingFieldSelectionSet;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import org.convene.gateway.attendance.AttendanceViews.SessionAttendanceView;
import org.convene.gateway.attendance.AttendanceViews.SessionCheckInResult;
import org.convene.gateway.attendance.AttendanceViews.SessionCheckInView;
import org.convene.gateway.graphql.Batches;
import org.convene.gateway.graphql.UserErrors;
import org.convene.gateway.paging.Connection;
import org.convene.gateway.session.SessionView;
import org.convene.session.v1.proto.BatchGetSessionAttendanceRequest;
import org.convene.session.v1.proto.ListSessionAttendeesRequest;
import org.convene.session.v1.proto.ListSessionAttendeesResponse;
import org.convene.session.v1.proto.SessionAttendance;
import org.convene.session.v1.proto.SessionAttendanceServiceGrpc.SessionAttendanceServiceBlockingStub;

/**
 * {@code Session.attendance}, {@code checkInToSession} and {@code sessionAttendees}. The counts
 * of a whole list of sessions cost one gRPC call per 100 sessions.
 */
@Controller
class AttendanceGraphQlController {

	/** Most sessions core takes in one batch call. */
	static final int BATCH = 100;

	private final SessionAttendanceServiceBlockingStub attendance;

	AttendanceGraphQlController(SessionAttendanceServiceBlockingStub attendance) {
		this.attendance = attendance;
	}

	@MutationMapping
	Object checkInToSession(@Argument Map<String, Object> input) {
		Map<String, Object> fields = new LinkedHashMap<>(input);
		String sessionId = (String) fields.remove("sessionId");
		fields.values().removeIf(value -> value == null);
		return UserErrors.orUserError(
				() -> SessionCheckInResult.of(this.attendance.checkInToSession(AttendanceViews.scan(sessionId, fields))));
	}

	@QueryMapping
	Connection<SessionCheckInView> sessionAttendees(@Argument String sessionId, @Argument Integer first,
			@Argument String after, @Argument Integer last, @Argument String before, DataFetchingFieldSelectionSet selection) {
		ListSessionAttendeesResponse response = this.attendance.listSessionAttendees(ListSessionAttendeesRequest.newBuilder()
			.setSessionId(sessionId)
			.setPage(Connection.request(first, after, last, before, selection.contains("totalCount")))
			.build());
		List<Connection.Edge<SessionCheckInView>> edges = response.getEdgesList()
			.stream()
			.map(edge -> new Connection.Edge<>(edge.getCursor(), SessionCheckInView.of(edge.getCheckIn())))
			.toList();
		long total = response.getPageInfo().getTotalSize();
		return new Connection<>(edges, Connection.PageInfoView.of(response.getPageInfo()), total < 0 ? null : total);
	}

	/** Null for sessions whose counts the caller may not read, and for callers who may read none. */
	@BatchMapping(typeName = "Session", field = "attendance")
	Map<SessionView, SessionAttendanceView> attendance(List<SessionView> sessions) {
		List<String> ids = Batches.keys(sessions, SessionView::id);
		Map<String, SessionAttendanceView> found = new HashMap<>();
		try {
			for (int from = 0; from < ids.size(); from += BATCH) {
				this.attendance
					.batchGetSessionAttendance(BatchGetSessionAttendanceRequest.newBuilder()
						.addAllSessionIds(ids.subList(from, Math.min(ids.size(), from + BATCH)))
						.build())
					.getSessionsList()
					.forEach((SessionAttendance counts) -> found.put(counts.getSessionId(), SessionAttendanceView.of(counts)));
			}
		}
		catch (StatusRuntimeException ex) {
			// an anonymous caller, or one without sessions:read, may read no counts: null, as for other strangers
			Status.Code code = ex.getStatus().getCode();
			if (code != Status.Code.UNAUTHENTICATED && code != Status.Code.PERMISSION_DENIED) {
				throw ex;
			}
		}
		return Batches.byKey(sessions, SessionView::id, found);
	}

}
