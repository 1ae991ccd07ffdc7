/**
 * Users through GraphQL and REST: sign-up, profiles, passwords, and the administrators'
 * list, roles and account status. Both doors convert their input in one place
 * ({@link org.convene.gateway.user.UserInputs}), call UserService on core-grpc, which decides
 * what each caller may see and do, and render the same
 * {@link org.convene.gateway.user.UserView}. Checking passwords and linking external
 * identities are the authorization server's internal calls and have no door here.
 */
package org.convene.gateway.user;
