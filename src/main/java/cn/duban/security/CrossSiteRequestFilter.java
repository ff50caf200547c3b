package cn.duban.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Cross-site request forgery against the APIs. A browser that holds a user's HTTP Basic credentials sends them with
 * every request to Duban, also when a page of another site makes it post a form or a no-cors fetch. A state-changing
 * request is therefore refused (403) when the browser says it comes from another origin ({@code Origin}, or
 * {@code Sec-Fetch-Site} when there is no usable Origin), and, for browsers that send neither, when it carries
 * credentials and a body such a page can send ({@code text/plain}, a form, a multipart upload) without a header no
 * form can set ({@code X-Requested-With}, {@code X-Duban-Request} or the webapps' {@code X-XSRF-TOKEN}). Programs
 * such as curl send no Origin and a JSON or YAML body, or add the header.
 *
 * <p>The request's own origin is its scheme, host and port as the servlet container sees them: behind a proxy these
 * are the proxy's {@code X-Forwarded-*} headers only if {@code server.forward-headers-strategy} is set.
 */
final class CrossSiteRequestFilter extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final Set<String> FORM_TYPES =
            Set.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data");
    private static final List<String> HEADERS_FORMS_CANNOT_SET =
            List.of("X-Requested-With", "X-Duban-Request", "X-XSRF-TOKEN");

    private final ObjectMapper json;

    public CrossSiteRequestFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String refusal = SAFE_METHODS.contains(request.getMethod()) ? null : refusal(request);
        if (refusal == null) {
            chain.doFilter(request, response);
            return;
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, refusal);
        problem.setTitle("跨站请求被拒绝");
        response.setStatus(HttpStatus.FORBIDDEN.value());
        response.setCharacterEncoding("UTF-8");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    /** Why the request is refused, in Chinese; null when it may pass. */
    static String refusal(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        String fetchSite = lower(request.getHeader("Sec-Fetch-Site"));
        String own = ownOrigin(request);
        boolean opaqueOrigin = "null".equals(origin);
        if (origin != null && !opaqueOrigin && !own.equals(normalized(origin))) {
            return "请求被拒绝：来自其他网站（" + origin + "）的页面不能修改督办系统的数据（防止跨站请求伪造）。" + "本系统的地址是 " + own
                    + "；如经反向代理访问，请设置 server.forward-headers-strategy。";
        }
        if ("cross-site".equals(fetchSite)
                || "same-site".equals(fetchSite)
                || opaqueOrigin && !"same-origin".equals(fetchSite) && !"none".equals(fetchSite)) {
            return "请求被拒绝：来自其他网站的页面不能修改督办系统的数据（防止跨站请求伪造）。";
        }
        // A browser sends Basic credentials or cookies by itself; without either, the 401 comes first.
        boolean credentials = request.getHeader("Authorization") != null || request.getHeader("Cookie") != null;
        boolean provenSameOrigin = origin != null && !opaqueOrigin || "same-origin".equals(fetchSite);
        String type = mediaType(request.getContentType());
        if (credentials
                && FORM_TYPES.contains(type)
                && !provenSameOrigin
                && HEADERS_FORMS_CANNOT_SET.stream().noneMatch(header -> hasText(request.getHeader(header)))) {
            return "请求被拒绝：以 " + type + " 格式提交时须带请求头 X-Requested-With（防止其他网站的表单冒用您的账号），"
                    + "例如 curl -H 'X-Requested-With: curl' …；或改用 JSON、YAML 格式。";
        }
        return null;
    }

    private static String ownOrigin(HttpServletRequest request) {
        return origin(request.getScheme(), request.getServerName(), request.getServerPort());
    }

    /** scheme://host[:port], lower case, without the scheme's default port; an unreadable origin as it came. */
    private static String normalized(String origin) {
        try {
            URI uri = new URI(origin.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return origin;
            }
            return origin(uri.getScheme(), uri.getHost(), uri.getPort());
        } catch (java.net.URISyntaxException e) {
            return origin;
        }
    }

    private static String origin(String scheme, String host, int port) {
        String s = scheme.toLowerCase(Locale.ROOT);
        int defaultPort = "https".equals(s) ? 443 : "http".equals(s) ? 80 : -1;
        return s + "://" + host.toLowerCase(Locale.ROOT) + (port < 0 || port == defaultPort ? "" : ":" + port);
    }

    private static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int parameters = contentType.indexOf(';');
        return lower((parameters < 0 ? contentType : contentType.substring(0, parameters)).strip());
    }

    private static String lower(String text) {
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }

    private static boolean hasText(String text) {
        return text != null && !text.isBlank();
    }
}
