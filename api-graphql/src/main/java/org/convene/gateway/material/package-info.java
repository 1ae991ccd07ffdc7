/**
 * Materials of sessions over REST and GraphQL: uploads (multipart, REST only) streamed to
 * core in chunks, downloads streamed back, links, changes and deletions. Core decides who may.
 */
package org.convene.gateway.material;
