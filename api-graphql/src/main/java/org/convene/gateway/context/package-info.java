/**
 * The context of an incoming request — correlation id, credentials, client address —
 * established once per HTTP request and forwarded on every gRPC call it makes.
 */
package org.convene.gateway.context;
