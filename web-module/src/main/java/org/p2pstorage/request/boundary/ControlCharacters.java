package org.p2pstorage.request.boundary;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses an API request whose address carries a control character ({@code %00}, {@code %0A}, ...): no id,
 * name or parameter of the API holds one, and some databases refuse the NUL byte outright (PostgreSQL answers
 * a query with one with an error, where H2 finds nothing), so it is answered 400 before it reaches them.
 */
@WebFilter(filterName = "ControlCharacters", urlPatterns = "/api/*", asyncSupported = true)
public class ControlCharacters extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        int found = firstControl(request.getRequestURI());
        if (found < 0) {
            found = firstControl(request.getQueryString());
        }
        if (found >= 0) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType("application/json");
            response.getOutputStream().write(("{\"error\":\"INVALID\",\"message\":\"the address contains the control character U+"
                    + String.format("%04X", found) + "; no id, name or parameter of the API holds one\"}")
                    .getBytes(StandardCharsets.UTF_8));
            return;
        }
        chain.doFilter(request, response);
    }

    /** The first control character of the decoded text, or -1 (also for text that does not decode). */
    static int firstControl(String raw) {
        if (raw == null || raw.isEmpty()) {
            return -1;
        }
        String text;
        try {
            text = URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return -1;
        }
        return text.chars().filter(c -> c < 0x20 || c == 0x7F).findFirst().orElse(-1);
    }
}
