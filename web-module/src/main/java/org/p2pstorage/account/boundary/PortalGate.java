package org.p2pstorage.account.boundary;

import java.io.IOException;
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
    private static final Set<String> OPEN = Set.of(SIGN_IN);
    /** Scripts, styles and icons, which the sign-in page needs too. */
    private static final String RESOURCES = "/jakarta.faces.resource/";

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
        String target = request.getContextPath() + SIGN_IN + (expired ? "?expired=true" : "");
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
