package cn.duban.security;

import cn.duban.identity.GroupAuthorities;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Collection;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Enforces the {@link AccessPolicy} on every request to Duban's API, the engine REST API and the webapps' APIs, for
 * a caller authenticated with HTTP Basic or with the webapps' login alike. Anonymous callers pass on to the door
 * that asks them to log in (401).
 */
final class AccessPolicyFilter extends OncePerRequestFilter {

    static final String REFUSED = "无权执行此操作：您的角色不能调用该接口。";

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AccessPolicyFilter.class);

    private final ObjectMapper json;
    private final String engineName;

    AccessPolicyFilter(ObjectMapper json, String engineName) {
        this.json = json;
        this.engineName = engineName;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        AccessPolicy.Place place = AccessPolicy.place(RequestPaths.normalised(request));
        Collection<String> groups = place == null ? null : callerGroups(request);
        if (groups == null) {
            chain.doFilter(request, response);
            return;
        }
        String method = "HEAD".equals(request.getMethod()) ? "GET" : request.getMethod();
        java.util.Set<AccessPolicy.Role> roles = AccessPolicy.rolesOf(groups);
        if (!AccessPolicy.allows(roles, place.door(), method, place.path())) {
            log.info("Refused {} {} ({} {}) to {}", method, place.path(), place.door(), request.getRequestURI(), roles);
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, REFUSED);
            problem.setTitle("无权操作");
            response.setStatus(HttpStatus.FORBIDDEN.value());
            response.setCharacterEncoding("UTF-8");
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), problem);
            return;
        }
        chain.doFilter(request, response);
    }

    /** The groups of whoever is signed in (Basic, or the webapps' session), or null for nobody. */
    private Collection<String> callerGroups(HttpServletRequest request) {
        org.springframework.security.core.Authentication spring =
                SecurityContextHolder.getContext().getAuthentication();
        if (spring != null && spring.isAuthenticated() && !(spring instanceof AnonymousAuthenticationToken)) {
            return GroupAuthorities.groupIds(spring);
        }
        HttpSession session = request.getSession(false);
        Authentications authentications = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
        Authentication webapp =
                authentications == null ? null : authentications.getAuthenticationForProcessEngine(engineName);
        return webapp instanceof UserAuthentication user ? user.getGroupIds() : null;
    }
}
