package org.convene.gateway.audit;

import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.convene.gateway.paging.Pagination;
import org.convene.grpc.ApiException;

/** The audit log under {@code /api/v1/audit-records}, for administrators. */
@RestController
@RequestMapping(path = "/api/v1/audit-records", produces = "application/json")
@Tag(name = "Audit log", description = "Every API call and every change (administrators)")
class AuditRestController {

	private static final Set<String> PARAMETERS = Set.of("actor", "operation", "correlationId", "outcome", "from", "to",
			"pageSize", "cursor");

	private final AuditLog log;

	AuditRestController(AuditLog log) {
		this.log = log;
	}

	@GetMapping
	@Operation(summary = "Read the audit log", description = "Newest first. Filters: actor (user:<id>, client:<id>, "
			+ "apikey:<id>, anonymous), operation (prefix, e.g. convene.core.v1.EventService/), correlationId, outcome "
			+ "(OK or an error code), from and to (RFC 3339). Pages by cursor only: pageSize (at most 100) and the "
			+ "nextCursor of the previous page, also in the Link header (rel=next).")
	ResponseEntity<AuditLog.Page> list(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> query) {
		for (String name : query.keySet()) {
			if (!PARAMETERS.contains(name)) {
				throw ApiException.invalid(name, "is not a parameter of the audit log; known: "
						+ String.join(", ", PARAMETERS.stream().sorted().toList()));
			}
		}
		AuditLog.Page page = this.log.read(new AuditLog.Filter(query.getFirst("actor"), query.getFirst("operation"),
				query.getFirst("correlationId"), query.getFirst("outcome"), query.getFirst("from"), query.getFirst("to")),
				pageSize(query.getFirst("pageSize")), query.getFirst("cursor"));
		return ResponseEntity.ok().headers(Pagination.nextCursorLink(page.nextCursor())).body(page);
	}

	private static Integer pageSize(String value) {
		if (value == null) {
			return null;
		}
		try {
			return Integer.valueOf(value);
		}
		catch (NumberFormatException ex) {
			throw ApiException.invalid("pageSize", "must be a whole number");
		}
	}

}
