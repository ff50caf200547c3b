package cn.duban.web;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine REST API's answers to what is the caller's doing, not a fault of the server: Camunda answers a task
 * claimed by someone else, a concurrent change, or a refusal raised in a listener with 500. Here a claim that lost
 * the race is 409, a refused submission 400, each with a Chinese message (Camunda's shape: type and message).
 * No answer names a Java class or shows the engine's insides: the type is a plain code (TaskAlreadyClaimed,
 * Forbidden, InvalidRequest, ServerError, …), Camunda's English reason is made plain, and a fault of the server is
 * only apologised for (and logged).
 */
final class EngineRestErrors {

    private static final Logger log = LoggerFactory.getLogger(EngineRestErrors.class);
    private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");
    private static final Pattern QUALIFIED_NAME = Pattern.compile("\\b(?:[a-z_][a-z0-9_]*\\.)+([A-Z][\\w$]*)");
    private static final Pattern EXCEPTION_NAME = Pattern.compile("\\b\\w*(?:Exception|Error)\\b:?\\s*");
    private static final Pattern ENGINE_CODE = Pattern.compile("\\b[A-Z]+(?:-[A-Z]+)*-\\d{4,6}\\s*");
    private static final Pattern ENGINE_TABLE = Pattern.compile("(?i)\\bACT_[A-Z]{2}_\\w+");

    private EngineRestErrors() {}

    /** What a failure means to the caller, or null when it is the server's own. */
    static Response answer(Throwable failure) {
        if (DatabaseUnavailable.causes(failure)) {
            return Response.fromResponse(response(503, "DatabaseUnavailable", DatabaseUnavailable.MESSAGE))
                    .header("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS)
                    .build();
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof TaskAlreadyClaimedException claimed) {
                return response(409, "TaskAlreadyClaimed", "该任务已被“" + claimed.getTaskAssignee() + "”签收，不能再签收。请刷新任务列表。");
            }
            if (cause instanceof OptimisticLockingException) {
                return response(409, "ConcurrentChange", "该任务刚被他人办理或修改，请刷新后再试。");
            }
            if (cause instanceof AuthorizationException) {
                return response(403, "Forbidden", "无权执行此操作：您所在的单位没有相应权限。");
            }
            if (cause instanceof NotFoundException
                    || cause instanceof NullValueException
                            && String.valueOf(cause.getMessage()).contains("Cannot find")) {
                return response(404, "NotFound", "找不到该任务或流程实例：它可能已办结、已删除，或您无权查看。");
            }
            if (cause instanceof FormFieldValidationException || cause instanceof BadUserRequestException) {
                return response(400, "InvalidRequest", inChinese("请求无效", cause.getMessage()));
            }
            String sqlState = cause instanceof SQLException sql ? sql.getSQLState() : null;
            if (sqlState != null && (sqlState.startsWith("22") || sqlState.startsWith("23"))) {
                return response(400, "InvalidData", "提交的内容无法保存：含有无效字符（如空字符）、超出长度限制或不符合数据要求。");
            }
            if (cause.getClass().getSimpleName().equals("PropertyNotFoundException")) {
                return response(400, "MissingVariable", "缺少流程所需的变量：" + plain(cause.getMessage()) + "。督办任务请通过导入计划交办。");
            }
            if (cause instanceof NullValueException) {
                return response(400, "MissingValue", "请求缺少必要的内容：" + plain(cause.getMessage()));
            }
        }
        return null;
    }

    /** Camunda's own (English) message after a Chinese summary; a message already in Chinese stays as it is. */
    static String inChinese(String summary, String message) {
        if (message != null && CHINESE.matcher(message).find()) {
            return plain(message);
        }
        String plain = plain(message);
        return plain.isEmpty() ? summary : summary + "：" + plain;
    }

    /**
     * A message without the engine's insides: qualified Java names shortened to the last part, exception class names,
     * Camunda's message codes (ENGINE-…) and the table names of its SQL left out.
     */
    static String plain(String message) {
        if (message == null) {
            return "";
        }
        String plain = QUALIFIED_NAME.matcher(message).replaceAll("$1");
        plain = EXCEPTION_NAME.matcher(plain).replaceAll("");
        plain = ENGINE_CODE.matcher(plain).replaceAll("");
        plain = ENGINE_TABLE.matcher(plain).replaceAll("…");
        return plain.strip();
    }

    /**
     * Whatever no other mapper answers: the caller's fault (4xx, as Camunda classifies it) in Chinese with Camunda's
     * reason made plain, the server's (5xx) as a Chinese apology only. The failure itself goes to the log.
     */
    static Response anyFailure(Throwable failure) {
        Response answer = answer(failure);
        if (answer != null) {
            return answer;
        }
        int status = ExceptionHandlerHelper.getInstance().getStatus(failure).getStatusCode();
        if (status >= 400 && status < 500) {
            return response(
                    status, "InvalidRequest", inChinese(ChineseErrorAttributes.detail(status), failure.getMessage()));
        }
        log.error("An engine REST request failed", failure);
        return response(500, "ServerError", ChineseErrorAttributes.detail(500));
    }

    private static Response response(int status, String type, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("message", message);
        body.put("status", status);
        body.put("detail", message);
        return Response.status(status)
                .entity(body)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .build();
    }

    static final class ClaimedMapper implements ExceptionMapper<TaskAlreadyClaimedException> {

        @Override
        public Response toResponse(TaskAlreadyClaimedException exception) {
            return answer(exception);
        }
    }

    static final class AuthorizationMapper implements ExceptionMapper<AuthorizationException> {

        @Override
        public Response toResponse(AuthorizationException exception) {
            return answer(exception);
        }
    }

    static final class ConcurrentChangeMapper implements ExceptionMapper<OptimisticLockingException> {

        @Override
        public Response toResponse(OptimisticLockingException exception) {
            return answer(exception);
        }
    }

    /**
     * Every other engine exception, also one that wraps one of the above (e.g. raised in a task listener): Camunda's
     * own mapper would answer with the exception's class name and English message.
     */
    @Priority(Priorities.USER - 100)
    static final class WrappedEngineMapper implements ExceptionMapper<ProcessEngineException> {

        @Override
        public Response toResponse(ProcessEngineException exception) {
            return anyFailure(exception);
        }
    }

    /**
     * Camunda's REST layer wraps engine exceptions (completing a task, for one) in its own, and answers a request
     * it cannot use (a value that does not fit its type, an unknown variable type) with one: in Chinese here.
     */
    @Priority(Priorities.USER - 100)
    static final class WrappedRestMapper implements ExceptionMapper<RestException> {

        @Override
        public Response toResponse(RestException exception) {
            return anyFailure(exception);
        }
    }

    /** Anything else that escapes a resource (Camunda's last resort answers with the class name and message). */
    @Priority(Priorities.USER - 100)
    static final class AnyFailureMapper implements ExceptionMapper<Throwable> {

        @Override
        public Response toResponse(Throwable exception) {
            if (exception instanceof WebApplicationException refused) {
                return WebApplicationMapper.refused(refused);
            }
            return anyFailure(exception);
        }
    }

    /** PostgreSQL out of reach, also where no engine exception wraps it (no transaction could begin): 503. */
    @Priority(Priorities.USER - 100)
    static final class DatabaseUnavailableMapper implements ExtendedExceptionMapper<RuntimeException> {

        @Override
        public boolean isMappable(RuntimeException exception) {
            return DatabaseUnavailable.causes(exception);
        }

        @Override
        public Response toResponse(RuntimeException exception) {
            return answer(exception);
        }
    }

    /** A body that is not JSON, or JSON of the wrong shape. */
    @Priority(Priorities.USER - 100)
    static final class JsonParseMapper implements ExceptionMapper<JsonParseException> {

        @Override
        public Response toResponse(JsonParseException exception) {
            JsonLocation at = exception.getLocation();
            return response(
                    400,
                    "InvalidJson",
                    "请求内容不是有效的JSON"
                            + (at == null || at.getLineNr() < 1
                                    ? "。"
                                    : "（第" + at.getLineNr() + "行第" + at.getColumnNr() + "列附近）。"));
        }
    }

    @Priority(Priorities.USER - 100)
    static final class JsonMappingMapper implements ExceptionMapper<JsonMappingException> {

        @Override
        public Response toResponse(JsonMappingException exception) {
            String field = exception.getPath().stream()
                    .map(step -> step.getFieldName() != null ? step.getFieldName() : "[" + step.getIndex() + "]")
                    .collect(Collectors.joining("."));
            return response(400, "InvalidBody", "请求内容的结构或字段类型不对" + (field.isEmpty() ? "。" : "：字段“" + field + "”。"));
        }
    }

    /** What JAX-RS itself refuses: an unsupported content type (415), method (405), an unknown path (404), … */
    static final class WebApplicationMapper implements ExceptionMapper<WebApplicationException> {

        @Override
        public Response toResponse(WebApplicationException exception) {
            return refused(exception);
        }

        static Response refused(WebApplicationException exception) {
            int status = exception.getResponse().getStatus();
            return response(
                    status, status >= 500 ? "ServerError" : "InvalidRequest", ChineseErrorAttributes.detail(status));
        }
    }
}
