package cn.duban.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a login with 429 while its user name or client address is locked, and counts how it ends: a 401 is a
 * failure, anything else a success. Logins are HTTP Basic on the machine doors (/api, /engine-rest, /actuator) and
 * the form post of the Camunda webapps' login page; both end in the same password check.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

    private static final List<String> BASIC_DOORS = List.of("/api/", "/engine-rest/", "/actuator/");
    private static final int MAX_LOGIN_FORM = 16 * 1024;
    private static final Pattern WEBAPP_LOGIN = Pattern.compile("/camunda/api/admin/auth/user/[^/]+/login/[^/]+");

    private final LoginThrottle throttle;

    LoginThrottleFilter(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isWebappLogin(request)) {
            // Read the small login form here and hand it on unread, so the webapps' login still reads it itself.
            byte[] form = request.getInputStream().readNBytes(MAX_LOGIN_FORM + 1);
            if (form.length > MAX_LOGIN_FORM) {
                response.sendError(HttpServletResponse.SC_BAD_REQUEST);
                return;
            }
            request = new ReplayedBody(request, form);
        }
        String userName = loginName(request);
        if (userName == null || userName.isBlank()) {
            chain.doFilter(request, response);
            return;
        }
        String address = request.getRemoteAddr();
        LoginThrottle.Standing standing = throttle.standing(userName, address);
        if (standing.locked()) {
            refuse(response, standing.lockedFor().toSeconds());
            return;
        }
        CountingResponse counted = new CountingResponse(response, () -> throttle.failed(userName, address));
        chain.doFilter(request, counted);
        if (counted.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
            counted.countFailure();
        } else if (standing.userHasFailures()) {
            throttle.succeeded(userName);
        }
    }

    /**
     * Counts a failed login the moment the answer becomes 401, before any of it reaches the client: a client that
     * tries again at once must already find the failure counted (an error body may be flushed before this filter
     * regains control).
     */
    private static final class CountingResponse extends HttpServletResponseWrapper {

        private final Runnable countFailure;
        private boolean counted;

        CountingResponse(HttpServletResponse response, Runnable countFailure) {
            super(response);
            this.countFailure = countFailure;
        }

        void countFailure() {
            if (!counted) {
                counted = true;
                countFailure.run();
            }
        }

        private void becomes(int status) {
            if (status == SC_UNAUTHORIZED) {
                countFailure();
            }
        }

        @Override
        public void setStatus(int status) {
            becomes(status);
            super.setStatus(status);
        }

        @Override
        public void sendError(int status) throws IOException {
            becomes(status);
            super.sendError(status);
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            becomes(status);
            super.sendError(status, message);
        }
    }

    private static boolean isWebappLogin(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && WEBAPP_LOGIN.matcher(path(request)).matches();
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    private static String loginName(HttpServletRequest request) throws IOException {
        String path = path(request);
        if (request instanceof ReplayedBody form) {
            return form.parameter("username");
        }
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)
                || BASIC_DOORS.stream().noneMatch(path::startsWith)) {
            return null;
        }
        try {
            String credentials = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                    StandardCharsets.UTF_8);
            int colon = credentials.indexOf(':');
            return colon < 0 ? null : credentials.substring(0, colon);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    /** A request whose body was read once and is read again from memory. */
    private static final class ReplayedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReplayedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        /** A parameter of the url-encoded form in the body; null if it is missing or the form is malformed. */
        String parameter(String name) {
            try {
                return decoded(name);
            } catch (IllegalArgumentException malformed) {
                return null;
            }
        }

        private String decoded(String name) {
            for (String pair : new String(body, StandardCharsets.US_ASCII).split("&")) {
                int equals = pair.indexOf('=');
                String key = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                if (key.equals(name)) {
                    return equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                }
            }
            return null;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }

    private static void refuse(HttpServletResponse response, long seconds) throws IOException {
        long minutes = Math.max(1, (seconds + 59) / 60);
        response.setStatus(429);
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, seconds)));
        response.setCharacterEncoding("UTF-8");
        response.setContentType("application/problem+json");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"登录尝试过多\",\"status\":429,"
                + "\"detail\":\"登录失败次数过多，已暂停登录，请于" + minutes + "分钟后再试。\"}");
    }
}
