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

    private ProblemResponses() {
    }

    /** For API clients: 401 with a Basic challenge. */
    public static AuthenticationEntryPoint basicChallenge(ObjectMapper json) {
        return (request, response, exception) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"duban\", charset=\"UTF-8\"");
            write(json, response, HttpStatus.UNAUTHORIZED, "未登录或用户名、密码错误，请使用督办系统账号登录。");
        };
    }

    /** For pages: 401 without a challenge, so that a browser never pops up its own password dialog. */
    public static AuthenticationEntryPoint noChallenge(ObjectMapper json) {
        return (request, response, exception) ->
                write(json, response, HttpStatus.UNAUTHORIZED, "未登录，请先登录督办系统。");
    }

    public static AccessDeniedHandler forbidden(ObjectMapper json) {
        return (request, response, exception) ->
                write(json, response, HttpStatus.FORBIDDEN, "无权执行此操作：您所在的单位没有相应权限。");
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
        write(json, response, ProblemDetail.forStatusAndDetail(status, detail));
    }

    private static void write(ObjectMapper json, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        response.setStatus(problem.getStatus());
        response.setCharacterEncoding("UTF-8");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
