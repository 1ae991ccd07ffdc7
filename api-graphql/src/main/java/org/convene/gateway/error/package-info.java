/**
 * How failures reach callers: the REST error envelope of spec section 3.7, GraphQL errors
 * with {@code extensions.code}, and the documentation page of each code. Every failure is
 * first an {@link org.convene.grpc.ApiError}; these classes only render it.
 */
package org.convene.gateway.error;
