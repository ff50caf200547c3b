package cn.duban.security;

import cn.duban.web.MalformedAddress;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.MappingMatch;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses with 400 a request whose address, as sent, does not begin with the servlet it was given to: the server
 * decodes {@code /%65ngine-rest/…} or {@code /camunda//api/admin/…} to choose Camunda's REST API or the webapps'
 * login, while security and those servlets read the address as sent. Such a request would slip past the rules for
 * its real address, or fail with a 500; no client needs to spell an address that way.
 */
class ServletPathGuardFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (leadsElsewhere(request)) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setCharacterEncoding("UTF-8");
            response.setContentType("application/problem+json");
            response.getWriter().write(MalformedAddress.PROBLEM);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean leadsElsewhere(HttpServletRequest request) {
        HttpServletMapping mapping = request.getHttpServletMapping();
        if (mapping == null || mapping.getMappingMatch() == null) {
            return false;
        }
        String sent = request.getRequestURI()
                .substring(Math.min(
                        request.getContextPath().length(),
                        request.getRequestURI().length()));
        String servletPath = request.getServletPath();
        if (mapping.getMappingMatch() == MappingMatch.EXACT) {
            return !sent.equals(servletPath);
        }
        if (mapping.getMappingMatch() == MappingMatch.PATH) {
            return !sent.startsWith(servletPath)
                    || sent.length() > servletPath.length() && sent.charAt(servletPath.length()) != '/';
        }
        return false;
    }
}
