/**
 * The web UI (issue 16, docs/web-ui.md): server-rendered Thymeleaf pages with htmx for partial updates, served by
 * {@code tandem serve} at {@code /}, signed in with a form and a session (the pages' chain of
 * {@link dev.tandem.server.security.WebSecurity}). Pages call the same domain services as the REST API and have no
 * rules of their own: a refusal shows the domain's message. Every page action that changes data needs the permission
 * its API operation needs ({@code @PreAuthorize}); buttons a user may not use are not shown.
 */
package dev.tandem.server.web;
