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
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds back a login attempt that must wait (its name and address failed just before, or are locked): 429 with
 * Retry-After, before any password is checked. Logins are HTTP Basic wherever it is sent (Spring Security checks it
 * on every address of the API chain, in whatever spelling) and the form post of the webapps' login page, recognised
 * on its normalised address. How a Basic login ends is counted where its password is checked ({@link LoginOutcomes});
 * how a webapp login ends, by its answer: 401 is a failure, 200 a success.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

    /** The request attribute under which a Basic login's {@link LoginThrottle.Standing} waits for its outcome. */
    static final String STANDING = LoginThrottleFilter.class.getName() + ".standing";

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
            webappLogin(request, response, chain);
            return;
        }
        String userName = basicUserName(request);
        if (userName == null || userName.isBlank()) {
            chain.doFilter(request, response);
            return;
        }
        LoginThrottle.Standing standing = throttle.standing(userName, request.getRemoteAddr());
        if (standing.refused()) {
            refuse(response, standing.refusedFor());
            return;
        }
        request.setAttribute(STANDING, standing);
        chain.doFilter(request, response);
    }

    private void webappLogin(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // Read the small login form here and hand it on unread, so the webapps' login still reads it itself.
        byte[] form = request.getInputStream().readNBytes(MAX_LOGIN_FORM + 1);
        if (form.length > MAX_LOGIN_FORM) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        ReplayedBody replayed = new ReplayedBody(request, form);
        String userName = replayed.parameter("username");
        if (userName == null || userName.isBlank()) {
            chain.doFilter(replayed, response);
            return;
        }
        String address = request.getRemoteAddr();
        LoginThrottle.Standing standing = throttle.standing(userName, address);
        if (standing.refused()) {
            refuse(response, standing.refusedFor());
            return;
        }
        CountingResponse counted = new CountingResponse(response, () -> throttle.failed(userName, address));
        chain.doFilter(replayed, counted);
        if (counted.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
            counted.countFailure();
        } else if (counted.getStatus() == HttpServletResponse.SC_OK) {
            throttle.succeeded(userName, address, standing);
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
        return "POST".equals(request.getMethod())
                && WEBAPP_LOGIN.matcher(RequestPaths.normalised(request)).matches();
    }

    private static String basicUserName(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String credentials = new String(
                    Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
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

    private static void refuse(HttpServletResponse response, Duration wait) throws IOException {
        long seconds = Math.max(1, wait.toSeconds());
        String when = seconds < 60 ? "请于" + seconds + "秒后再试" : "已暂停登录，请于" + (seconds + 59) / 60 + "分钟后再试";
        response.setStatus(429);
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        response.setCharacterEncoding("UTF-8");
        response.setContentType("application/problem+json");
        response.getWriter()
                .write("{\"type\":\"about:blank\",\"title\":\"登录尝试过多\",\"status\":429," + "\"detail\":\"登录失败次数过多，"
                        + when + "。\"}");
    }
}
