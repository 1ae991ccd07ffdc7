/**
 * Federated sign-in: external OpenID Connect providers an administrator registers, offered
 * on the login page, whose users are linked to Convene users by verified e-mail address.
 */
package org.convene.gateway.federation;
