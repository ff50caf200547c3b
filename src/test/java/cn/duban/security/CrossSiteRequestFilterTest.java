package cn.duban.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.filter.ForwardedHeaderFilter;

/**
 * Behind a reverse proxy the browser's Origin is the proxy's address. It is Duban's own once Spring reads the
 * proxy's X-Forwarded-* headers ({@code server.forward-headers-strategy=framework} installs ForwardedHeaderFilter;
 * {@code native} has Tomcat do the same), and not before: a client could send those headers itself.
 */
class CrossSiteRequestFilterTest {

    @Test
    void theProxysForwardedOriginIsOursOnlyWhenTheForwardedHeadersAreRead() throws Exception {
        assertThat(postFromTheProxiedPage(new ForwardedHeaderFilter())).isEqualTo(204);
        assertThat(postFromTheProxiedPage()).isEqualTo(403);
    }

    @Test
    void anotherSiteStaysAnotherSiteBehindTheProxy() throws Exception {
        MockHttpServletRequest request = proxiedPost();
        request.removeHeader("Origin");
        request.addHeader("Origin", "https://evil.example");

        assertThat(run(request, new ForwardedHeaderFilter())).isEqualTo(403);
    }

    private static int postFromTheProxiedPage(Filter... before) throws Exception {
        return run(proxiedPost(), before);
    }

    private static MockHttpServletRequest proxiedPost() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/plan-tasks/CJ-1/urges");
        request.setScheme("http");
        request.setServerName("10.0.0.5");
        request.setServerPort(8080);
        request.setContentType("application/json");
        request.addHeader("Origin", "https://duban.example.gov.cn");
        request.addHeader("Sec-Fetch-Site", "same-origin");
        request.addHeader("X-Forwarded-Proto", "https");
        request.addHeader("X-Forwarded-Host", "duban.example.gov.cn");
        request.addHeader("X-Forwarded-Port", "443");
        return request;
    }

    private static int run(MockHttpServletRequest request, Filter... before) throws Exception {
        List<Filter> filters = new ArrayList<>(List.of(before));
        filters.add(new CrossSiteRequestFilter(new ObjectMapper()));
        MockHttpServletResponse response = new MockHttpServletResponse();
        new MockFilterChain(new NoContent(), filters.toArray(Filter[]::new)).doFilter(request, response);
        return response.getStatus();
    }

    private static final class NoContent extends HttpServlet {
        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) {
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        }
    }
}
