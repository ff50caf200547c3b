package cn.duban.web;

import java.io.IOException;

/**
 * A request body that went past the limit while it was being read: security's request limits throw it, ApiErrors
 * answers 413.
 */
public class RequestTooLargeException extends IOException {

    public RequestTooLargeException(long limit) {
        super(message(limit));
    }

    /** The Chinese reason, also for a refusal before the body is read. */
    public static String message(long limit) {
        return "请求内容过大：不能超过" + (limit / (1024 * 1024)) + "MB。";
    }
}
