package cn.duban.security;

import cn.duban.identity.GroupAuthorities;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Set;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets Duban's own pages use the login of the Camunda webapps: a request that carries the webapps' session is
 * authenticated as that session's user. A state-changing request authenticated this way must also carry the header
 * {@value #CSRF_HEADER}, which another site's page cannot send (no CORS is allowed), so a forged form post fails.
 */
class WebappSessionAuthenticationFilter extends OncePerRequestFilter {

    static final String CSRF_HEADER = "X-Duban-Request";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final String engineName;

    WebappSessionAuthenticationFilter(String engineName) {
        this.engineName = engineName;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        UserAuthentication user = sessionUser(request.getSession(false));
        if (user != null && SecurityContextHolder.getContext().getAuthentication() == null) {
            if (!SAFE_METHODS.contains(request.getMethod()) && request.getHeader(CSRF_HEADER) == null) {
                response.setStatus(HttpServletResponse.SC_FORBIDDEN);
                response.setCharacterEncoding("UTF-8");
                response.setContentType("application/problem+json");
                response.getWriter()
                        .write("{\"status\":403,\"title\":\"Forbidden\",\"detail\":" + "\"请求被拒绝：缺少请求头 " + CSRF_HEADER
                                + "（防止跨站请求伪造）。\"}");
                return;
            }
            SecurityContextHolder.getContext()
                    .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                            user.getIdentityId(), null, GroupAuthorities.of(user.getGroupIds())));
        }
        chain.doFilter(request, response);
    }

    private UserAuthentication sessionUser(HttpSession session) {
        if (session == null) {
            return null;
        }
        Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
        Authentication authentication =
                authentications == null ? null : authentications.getAuthenticationForProcessEngine(engineName);
        return authentication instanceof UserAuthentication user ? user : null;
    }
}
