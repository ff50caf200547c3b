package cn.duban.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;

/**
 * Only a login is stored as a session (in PostgreSQL, table duban.spring_session). Without one, whatever asks for a
 * session during a request (the webapps' CSRF token and empty login, Spring Security's saved request and CSRF token)
 * gets one that lives for that request only; it is stored the moment something worth keeping is put into it, which
 * is the webapps' login. So visitors, probes and failed logins leave no row behind.
 *
 * <p>The webapps keep their CSRF protection before the login: their token, sent back in the {@code X-XSRF-TOKEN}
 * header, must equal the one in the {@code XSRF-TOKEN} cookie they set (another site can neither read the cookie
 * nor send the header). Once logged in, the token lives in the stored session as before.
 */
class LoginOnlySessionFilter extends HttpFilter {

    /** Camunda's own name for its login in the session (AuthenticationUtil.CAM_AUTH_SESSION_KEY, not public). */
    static final String WEBAPP_LOGIN = "authenticatedUser";

    private static final Pattern CSRF_TOKEN = Pattern.compile("[0-9A-F]{32}");
    private static final Set<String> KEPT_FOR_ONE_REQUEST = Set.of(
            CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME,
            "SPRING_SECURITY_SAVED_REQUEST",
            HttpSessionCsrfTokenRepository.class.getName() + ".CSRF_TOKEN");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof LoginOnlyRequest || request.getSession(false) != null) {
            chain.doFilter(request, response);
        } else {
            chain.doFilter(new LoginOnlyRequest(request), response);
        }
    }

    static boolean worthStoring(String name, Object value) {
        if (value == null || KEPT_FOR_ONE_REQUEST.contains(name)) {
            return false;
        }
        return !(WEBAPP_LOGIN.equals(name)
                && value instanceof Authentications logins
                && logins.getAuthentications().isEmpty());
    }

    /** A request that has no stored session: a session it asks for is stored only once it holds a login. */
    private static final class LoginOnlyRequest extends HttpServletRequestWrapper {

        private PendingSession pending;
        private boolean invalidated;

        LoginOnlyRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public HttpSession getSession() {
            return getSession(true);
        }

        @Override
        public HttpSession getSession(boolean create) {
            if (pending != null && pending.valid) {
                return pending;
            }
            if (!create) {
                return null;
            }
            pending = new PendingSession(this);
            if (!invalidated) {
                String token = csrfCookie();
                if (token != null) {
                    pending.attributes.put(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME, token);
                }
            }
            return pending;
        }

        @Override
        public String changeSessionId() {
            if (pending != null && pending.valid && pending.stored == null) {
                pending.id = UUID.randomUUID().toString();
                return pending.id;
            }
            return super.changeSessionId();
        }

        HttpSession store() {
            return super.getSession(true);
        }

        private String csrfCookie() {
            Cookie[] cookies = getCookies();
            if (cookies == null) {
                return null;
            }
            for (Cookie cookie : cookies) {
                if (CsrfConstants.CSRF_TOKEN_DEFAULT_COOKIE_NAME.equals(cookie.getName())
                        && cookie.getValue() != null
                        && CSRF_TOKEN.matcher(cookie.getValue()).matches()) {
                    return cookie.getValue();
                }
            }
            return null;
        }
    }

    /** A session for one request, stored (and from then on the stored one) once it holds something worth keeping. */
    private static final class PendingSession implements HttpSession {

        private final LoginOnlyRequest request;
        private final Map<String, Object> attributes = new LinkedHashMap<>();
        private final long createdAt = System.currentTimeMillis();
        private String id = UUID.randomUUID().toString();
        private int maxInactiveInterval = -1;
        private HttpSession stored;
        private boolean valid = true;

        PendingSession(LoginOnlyRequest request) {
            this.request = request;
        }

        @Override
        public void setAttribute(String name, Object value) {
            if (stored != null) {
                stored.setAttribute(name, value);
                return;
            }
            if (value == null) {
                attributes.remove(name);
                return;
            }
            attributes.put(name, value);
            if (worthStoring(name, value)) {
                stored = request.store();
                if (maxInactiveInterval >= 0) {
                    stored.setMaxInactiveInterval(maxInactiveInterval);
                }
                attributes.forEach(stored::setAttribute);
                attributes.clear();
            }
        }

        @Override
        public Object getAttribute(String name) {
            return stored != null ? stored.getAttribute(name) : attributes.get(name);
        }

        @Override
        public Enumeration<String> getAttributeNames() {
            return stored != null ? stored.getAttributeNames() : Collections.enumeration(attributes.keySet());
        }

        @Override
        public void removeAttribute(String name) {
            if (stored != null) {
                stored.removeAttribute(name);
            } else {
                attributes.remove(name);
            }
        }

        @Override
        public void invalidate() {
            if (stored != null) {
                stored.invalidate();
            }
            attributes.clear();
            valid = false;
            request.invalidated = true;
        }

        @Override
        public String getId() {
            return stored != null ? stored.getId() : id;
        }

        @Override
        public long getCreationTime() {
            return stored != null ? stored.getCreationTime() : createdAt;
        }

        @Override
        public long getLastAccessedTime() {
            return stored != null ? stored.getLastAccessedTime() : createdAt;
        }

        @Override
        public ServletContext getServletContext() {
            return request.getServletContext();
        }

        @Override
        public void setMaxInactiveInterval(int interval) {
            if (stored != null) {
                stored.setMaxInactiveInterval(interval);
            } else {
                maxInactiveInterval = interval;
            }
        }

        @Override
        public int getMaxInactiveInterval() {
            if (stored != null) {
                return stored.getMaxInactiveInterval();
            }
            return maxInactiveInterval >= 0
                    ? maxInactiveInterval
                    : request.getServletContext().getSessionTimeout() * 60;
        }

        @Override
        public boolean isNew() {
            return stored == null || stored.isNew();
        }
    }
}
