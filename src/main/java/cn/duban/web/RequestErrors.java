package cn.duban.web;

import java.sql.SQLException;
import java.util.stream.Collectors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * Refusals that happen before any controller is chosen (so {@link ApiErrors}, which is Duban's controllers' own,
 * does not see them): an upload over the limit, a content type, method or answer format no endpoint takes.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class RequestErrors {

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail tooLarge() {
        return ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, "文件过大：上传的文件不能超过5MB。");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ProblemDetail unsupported(HttpMediaTypeNotSupportedException unsupported) {
        return unsupportedMediaType(unsupported);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ProblemDetail method(HttpRequestMethodNotSupportedException unsupported) {
        return ProblemDetail.forStatusAndDetail(
                HttpStatus.METHOD_NOT_ALLOWED, "该地址不支持" + unsupported.getMethod() + "请求。");
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ProblemDetail notAcceptable() {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_ACCEPTABLE, "无法按所要求的格式答复，请接受 application/json。");
    }

    static ProblemDetail unsupportedMediaType(HttpMediaTypeNotSupportedException unsupported) {
        String sent = unsupported.getContentType() == null
                ? "（未注明）"
                : unsupported.getContentType().toString();
        String supported = unsupported.getSupportedMediaTypes().stream()
                .map(Object::toString)
                .collect(Collectors.joining("、"));
        return ProblemDetail.forStatusAndDetail(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "不支持的内容类型" + sent + (supported.isEmpty() ? "。" : "，请以 " + supported + " 发送。"));
    }

    /** A transaction that lost a race with another one (serialization failure, deadlock): 409, try again. */
    static boolean isRace(String sqlState) {
        return "40001".equals(sqlState) || "40P01".equals(sqlState);
    }

    /** The SQL state of the database error behind a failure, if there is one. */
    static String sqlState(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}
