package cn.duban.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Counts how each HTTP Basic login ends, where Spring Security checks its password: whatever address the request
 * named ({@code /api/…}, {@code /v3/api-docs}, {@code /%61pi/me}, …), a check that happened is counted, and a request
 * refused before any check (a malformed address) counts neither way. A failure is counted before the 401 is written.
 */
@Component
class LoginOutcomes {

    private final LoginThrottle throttle;

    LoginOutcomes(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        String userName = event.getAuthentication().getName();
        if (userName != null && !userName.isBlank()) {
            throttle.failed(userName, address(event.getAuthentication()));
        }
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        HttpServletRequest request = currentRequest();
        Object standing = request == null ? null : request.getAttribute(LoginThrottleFilter.STANDING);
        throttle.succeeded(
                event.getAuthentication().getName(),
                address(event.getAuthentication()),
                standing instanceof LoginThrottle.Standing before ? before : null);
    }

    private static String address(Authentication authentication) {
        if (authentication.getDetails() instanceof WebAuthenticationDetails details) {
            return details.getRemoteAddress();
        }
        HttpServletRequest request = currentRequest();
        return request == null ? null : request.getRemoteAddr();
    }

    private static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest()
                : null;
    }
}
