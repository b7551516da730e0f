package org.p2pstorage.account.boundary;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Keeps the portal's pages for signed-in users: a page request without a valid session (set by
 * {@link BearerMechanism}) goes to the sign-in page, with {@code ?expired} when the session it had has
 * ended (revoked, expired, or the browser's HTTP session timed out), so that the page can say why.
 * Ajax requests (polls, buttons) get the same redirect as a Faces partial response, which PrimeFaces
 * follows.
 */
@WebFilter("*.xhtml")
public class PortalGate extends HttpFilter {

    static final String SIGN_IN = "/account/signin.xhtml";
    static final String DRIVE = "/catalog/drive.xhtml";
    private static final Set<String> OPEN = Set.of(SIGN_IN);
    /** Scripts, styles and icons, which the sign-in page needs too. */
    private static final String RESOURCES = "/jakarta.faces.resource/";

    /**
     * Where to go after signing in: the page asked for (a deep link kept through sign-in) when it is a
     * page of this application, else My Drive. Never another site: only paths that start with one slash.
     */
    static String landing(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")
                || next.startsWith(SIGN_IN) || next.equals("/index.xhtml") || next.chars().anyMatch(c -> c < 0x20)) {
            return DRIVE;
        }
        return next;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getServletPath();
        if (OPEN.contains(path) || path.startsWith(RESOURCES) || request.getAttribute(BearerMechanism.CALLER) != null) {
            response.setHeader("Cache-Control", "no-store");
            chain.doFilter(request, response);
            return;
        }
        HttpSession session = request.getSession(false);
        boolean ended = session != null && session.getAttribute(BearerMechanism.SESSION_TOKEN) != null;
        if (ended) {
            session.removeAttribute(BearerMechanism.SESSION_TOKEN);
        }
        boolean expired = ended || (request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid());
        String wanted = "GET".equals(request.getMethod()) && !"partial/ajax".equals(request.getHeader("Faces-Request"))
                ? path + (request.getQueryString() == null ? "" : "?" + request.getQueryString()) : null;
        String next = wanted == null || landing(wanted).equals(DRIVE) ? "" : "next=" + URLEncoder.encode(wanted, StandardCharsets.UTF_8);
        String query = (expired ? "expired=true" : "") + (expired && !next.isEmpty() ? "&" : "") + next;
        String target = request.getContextPath() + SIGN_IN + (query.isEmpty() ? "" : "?" + query);
        if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
            response.setContentType("text/xml");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                    + target + "\"/></partial-response>");
        } else {
            response.sendRedirect(target);
        }
    }
}
