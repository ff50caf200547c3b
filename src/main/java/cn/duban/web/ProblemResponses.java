package cn.duban.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/** Security failures as RFC 9457 problem documents with a Chinese message. */
public final class ProblemResponses {

    private ProblemResponses() {}

    /**
     * For API clients: 401 with a Basic challenge. A browser's own request (a page's fetch, which sends
     * {@code Sec-Fetch-Mode}, or an XMLHttpRequest) gets none: the page sends the user to the login page instead of
     * the browser popping up its own password box.
     */
    public static AuthenticationEntryPoint basicChallenge(ObjectMapper json) {
        return (request, response, exception) -> {
            if (!fromBrowserPage(request)) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"duban\", charset=\"UTF-8\"");
            }
            write(json, response, HttpStatus.UNAUTHORIZED, "未登录或用户名、密码错误，请使用督办系统账号登录。");
        };
    }

    static boolean fromBrowserPage(jakarta.servlet.http.HttpServletRequest request) {
        String mode = request.getHeader("Sec-Fetch-Mode");
        return (mode != null && !mode.equalsIgnoreCase("navigate"))
                || "XMLHttpRequest".equalsIgnoreCase(request.getHeader("X-Requested-With"));
    }

    /** The Chinese title of a problem with this status (instead of the English reason phrase, "Forbidden"). */
    public static String title(int status) {
        return switch (status) {
            case 400 -> "请求无效";
            case 401 -> "未登录";
            case 403 -> "无权操作";
            case 404 -> "未找到";
            case 405 -> "不支持的请求方法";
            case 406 -> "无法按要求的格式答复";
            case 409 -> "操作冲突";
            case 413 -> "内容过大";
            case 415 -> "不支持的内容类型";
            case 429 -> "请求过于频繁";
            case 503 -> "服务暂时不可用";
            default -> status >= 500 ? "服务器内部错误" : "请求未能完成";
        };
    }

    /** For pages: 401 without a challenge, so that a browser never pops up its own password dialog. */
    public static AuthenticationEntryPoint noChallenge(ObjectMapper json) {
        return (request, response, exception) -> write(json, response, HttpStatus.UNAUTHORIZED, "未登录，请先登录督办系统。");
    }

    public static AccessDeniedHandler forbidden(ObjectMapper json) {
        return (request, response, exception) -> write(json, response, HttpStatus.FORBIDDEN, "无权执行此操作：您所在的单位没有相应权限。");
    }

    /** An address Spring Security's firewall refuses (encoded slashes, "..", ";", "//", "%25", …): 400. */
    public static RequestRejectedHandler rejected(ObjectMapper json) {
        return (request, response, rejection) -> {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, MalformedAddress.DETAIL);
            problem.setTitle("请求地址无效");
            write(json, response, problem);
        };
    }

    private static void write(ObjectMapper json, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title(status.value()));
        write(json, response, problem);
    }

    private static void write(ObjectMapper json, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        response.setStatus(problem.getStatus());
        response.setCharacterEncoding("UTF-8");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
