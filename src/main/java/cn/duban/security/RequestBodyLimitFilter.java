package cn.duban.security;

import cn.duban.web.RequestTooLargeException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body larger than the limit with 413 before anything reads it into memory: by its declared
 * length, or, for a body sent without one, as soon as reading passes the limit. An evidence file's upload
 * ({@code POST /api/tasks/{taskId}/evidence}) has its own, larger limit.
 */
class RequestBodyLimitFilter extends OncePerRequestFilter {

    private static final int DRAIN_FACTOR = 4;

    private static final java.util.regex.Pattern EVIDENCE_UPLOAD =
            java.util.regex.Pattern.compile("/api/tasks/[^/]+/evidence");

    private final long defaultLimit;
    private final long evidenceLimit;

    RequestBodyLimitFilter(long limit) {
        this(limit, limit);
    }

    RequestBodyLimitFilter(long limit, long evidenceLimit) {
        this.defaultLimit = limit;
        this.evidenceLimit = Math.max(limit, evidenceLimit);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = "POST".equals(request.getMethod())
                        && EVIDENCE_UPLOAD.matcher(request.getRequestURI()).matches()
                ? evidenceLimit
                : defaultLimit;
        if (request.getContentLengthLong() > limit) {
            // A client that sends the whole body before it reads the answer would see the connection reset: read
            // and discard a body up to a few times the limit (never kept), so it gets the 413; beyond that, reset.
            if (request.getContentLengthLong() <= DRAIN_FACTOR * limit) {
                request.getInputStream().transferTo(OutputStream.nullOutputStream());
            }
            response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            response.setCharacterEncoding("UTF-8");
            response.setContentType("application/problem+json");
            response.getWriter()
                    .write("{\"type\":\"about:blank\",\"title\":\"请求过大\",\"status\":413," + "\"detail\":\""
                            + RequestTooLargeException.message(limit) + "\"}");
            return;
        }
        chain.doFilter(request.getContentLengthLong() < 0 ? new Limited(request, limit) : request, response);
    }

    /** A request whose body stops being readable past the limit. */
    private static final class Limited extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingStream(super.getInputStream(), limit);
            }
            return stream;
        }
    }

    private static final class CountingStream extends ServletInputStream {

        private final ServletInputStream delegate;
        private final long limit;
        private long read;

        CountingStream(ServletInputStream delegate, long limit) {
            this.delegate = delegate;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = delegate.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws RequestTooLargeException {
            read += n;
            if (read > limit) {
                throw new RequestTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}
