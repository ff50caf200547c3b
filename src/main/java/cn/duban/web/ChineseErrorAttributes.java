package cn.duban.web;

import java.util.Map;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;

/**
 * Errors that no controller answered (an unknown address, a method or content type no endpoint takes, a failure
 * before a controller was chosen) still carry a Chinese {@code detail} next to Spring's own attributes.
 */
@Component
class ChineseErrorAttributes extends DefaultErrorAttributes {

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(request, options);
        Object status = attributes.get("status");
        int code = status instanceof Integer number ? number : 500;
        attributes.putIfAbsent("detail", detail(code));
        // Spring's "error" is the English reason phrase ("Forbidden", "Bad Request"): in Chinese, as the title.
        if (attributes.containsKey("error")) {
            attributes.put("error", ProblemResponses.title(code));
        }
        attributes.putIfAbsent("title", ProblemResponses.title(code));
        return attributes;
    }

    static String detail(int status) {
        return switch (status) {
            case 400 -> "请求无效：请检查参数和请求内容。";
            case 401 -> "未登录或用户名、密码错误，请使用督办系统账号登录。";
            case 403 -> "无权执行此操作。";
            case 404 -> "没有找到请求的地址或内容。";
            case 405 -> "该地址不支持这种请求方法。";
            case 406 -> "无法按所要求的格式答复，请接受 application/json。";
            case 413 -> "请求内容过大。";
            case 415 -> "不支持的内容类型，请按接口说明发送请求内容。";
            case 429 -> "请求过于频繁，请稍后再试。";
            default -> status >= 500 ? "服务器内部错误，请稍后再试；如仍出错请联系系统管理员。" : "请求未能完成（状态码" + status + "）。";
        };
    }
}
