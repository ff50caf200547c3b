package cn.duban.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The outermost filter: a request that failed because PostgreSQL cannot be reached (in a login check, Duban's API,
 * a page) is answered 503 with a Chinese message and Retry-After, instead of the generic 500 error page.
 */
class DatabaseUnavailableFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException | ServletException failure) {
            if (!DatabaseUnavailable.causes(failure) || response.isCommitted()) {
                throw failure;
            }
            log.warn(
                    "{} {} answered 503: the database is unavailable ({})",
                    request.getMethod(),
                    request.getRequestURI(),
                    failure.getMessage());
            response.resetBuffer();
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
            response.setCharacterEncoding("UTF-8");
            response.setContentType("application/problem+json");
            response.getWriter()
                    .write("{\"type\":\"about:blank\",\"title\":\"服务暂时不可用\",\"status\":503," + "\"detail\":\""
                            + DatabaseUnavailable.MESSAGE + "\"}");
        }
    }
}
