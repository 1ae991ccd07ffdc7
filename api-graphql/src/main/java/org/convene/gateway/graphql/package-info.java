/**
 * GraphQL plumbing shared by all types: scalars, error rendering, limits.
 */
package org.convene.gateway.graphql;
