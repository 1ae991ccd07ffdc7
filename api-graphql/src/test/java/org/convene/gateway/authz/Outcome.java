package org.convene.gateway.authz;

/** What a door answers a caller, normalised across REST, GraphQL and gRPC. */
enum Outcome {

	/** 2xx; GraphQL data without errors; gRPC OK. */
	ALLOWED,
	/** 401; UNAUTHENTICATED. */
	UNAUTHENTICATED,
	/** 403; PERMISSION_DENIED. */
	DENIED,
	/** 404; RESOURCE_NOT_FOUND / NotFound: the resource does not exist for this caller. */
	HIDDEN

}
