package org.convene.gateway.audit;

import java.util.List;
import java.util.Map;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import org.convene.gateway.paging.Connection;

/** The {@code auditRecords} query, for administrators. */
@Controller
class AuditGraphQlController {

	private final AuditLog log;

	AuditGraphQlController(AuditLog log) {
		this.log = log;
	}

	@QueryMapping
	AuditRecordConnection auditRecords(@Argument Map<String, Object> filter, @Argument Integer first,
			@Argument String after) {
		Map<String, Object> given = filter == null ? Map.of() : filter;
		AuditLog.Page page = this.log.read(new AuditLog.Filter((String) given.get("actor"), (String) given.get("operation"),
				(String) given.get("correlationId"), (String) given.get("outcome"), text(given.get("from")),
				text(given.get("to"))), first, after);
		return new AuditRecordConnection(page.data(),
				new Connection.PageInfoView(page.hasNextPage(), after != null, null, page.nextCursor()));
	}

	private static String text(Object value) {
		return value == null ? null : value.toString();
	}

	/** A page of the audit log, newest first. */
	record AuditRecordConnection(List<AuditRecordView> nodes, Connection.PageInfoView pageInfo) {
	}

}
