package org.p2pstorage.request.boundary;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Bounds every request body but an upload's to {@link #MAX_BYTES}, before any of it is read: a declared
 * {@code Content-Length} above the limit is answered 413 at once, and a body without one (chunked) is
 * cut off with an error once it passes the limit. Uploads (multipart forms, which the container spools
 * to disk, and {@code /api/files/upload}) are bounded by {@code p2p.upload.max} instead.
 */
@WebFilter(filterName = "BodyLimit", urlPatterns = "/*", asyncSupported = true)
public class BodyLimit extends HttpFilter {

    /** 64 KiB: far more than any JSON body or portal form needs. */
    public static final int MAX_BYTES = 64 * 1024;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (upload(request)) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getContentLengthLong() > MAX_BYTES) {
            refuse(response);
            return;
        }
        chain.doFilter(request.getContentLengthLong() < 0 ? new Bounded(request) : request, response);
    }

    static boolean upload(HttpServletRequest request) {
        String type = request.getContentType();
        return (type != null && type.regionMatches(true, 0, "multipart/", 0, 10))
                || request.getRequestURI().equals(request.getContextPath() + "/api/files/upload");
    }

    private static void refuse(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        response.setContentType("application/json");
        response.setHeader("Connection", "close");
        response.getOutputStream().write(("{\"error\":\"TOO_LARGE\",\"message\":\"the body is larger than "
                + MAX_BYTES / 1024 + " KiB\"}").getBytes(StandardCharsets.UTF_8));
    }

    /** A request whose body stream fails once more than {@link #MAX_BYTES} were read from it. */
    private static final class Bounded extends HttpServletRequestWrapper {

        private ServletInputStream stream;

        Bounded(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counting(super.getInputStream());
            }
            return stream;
        }
    }

    private static final class Counting extends ServletInputStream {

        private final ServletInputStream in;
        private long read;

        Counting(ServletInputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > MAX_BYTES) {
                throw new BodyTooLarge();
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }

    /** The body passed the limit while it was being read. */
    public static final class BodyTooLarge extends IOException {

        BodyTooLarge() {
            super("the body is larger than " + MAX_BYTES / 1024 + " KiB");
        }
    }
}
