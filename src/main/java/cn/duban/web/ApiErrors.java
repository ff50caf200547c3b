package cn.duban.web;

import cn.duban.plan.PlanRejectedException;
import cn.duban.taskform.SubmissionRejectedException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.server.ResponseStatusException;

/** What Duban's API refuses, answered with a Chinese problem document (RFC 9457). */
@RestControllerAdvice(basePackages = "cn.duban")
class ApiErrors {

    private static final String CONCURRENT_CHANGE = "该任务刚被他人同时办理或修改，本次操作未保存，请刷新后再试。";

    @ExceptionHandler(PlanRejectedException.class)
    ResponseEntity<ProblemDetail> planRejected(PlanRejectedException rejection) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(rejection.status(), rejection.getMessage());
        problem.setTitle("计划未导入");
        problem.setProperty("errors", rejection.problems());
        return ResponseEntity.status(rejection.status())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @ExceptionHandler(SubmissionRejectedException.class)
    ProblemDetail submissionRejected(SubmissionRejectedException rejection) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, rejection.getMessage());
        problem.setTitle("无法提交");
        return problem;
    }

    @ExceptionHandler(AuthorizationException.class)
    ProblemDetail forbidden() {
        return problem(HttpStatus.FORBIDDEN, "无权执行此操作：您所在的单位没有相应权限。");
    }

    /** Someone else changed the same task or process at the same moment: nothing was saved, try again. */
    @ExceptionHandler(OptimisticLockingException.class)
    ProblemDetail concurrentChange() {
        return problem(HttpStatus.CONFLICT, CONCURRENT_CHANGE);
    }

    /** The engine failed on what the request brought (e.g. a variable the database refuses); else the server's. */
    @ExceptionHandler(ProcessEngineException.class)
    ProblemDetail engineRefused(ProcessEngineException failure) {
        String state = RequestErrors.sqlState(failure);
        if (RequestErrors.isRace(state)) {
            return problem(HttpStatus.CONFLICT, CONCURRENT_CHANGE);
        }
        if (state == null || !(state.startsWith("22") || state.startsWith("23"))) {
            throw failure;
        }
        return problem(HttpStatus.BAD_REQUEST, "提交的内容无法保存：含有无效字符（如空字符）、超出长度限制或不符合数据要求。");
    }

    @ExceptionHandler(ResponseStatusException.class)
    ProblemDetail refused(ResponseStatusException refusal) {
        return problem(HttpStatus.valueOf(refusal.getStatusCode().value()), refusal.getReason());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ProblemDetail unsupportedMediaType(HttpMediaTypeNotSupportedException unsupported) {
        return RequestErrors.unsupportedMediaType(unsupported);
    }

    /**
     * What the database refuses as data (SQL state class 22: too long, a NUL character, …; class 23: a duplicate or
     * a broken reference) is the request's fault, and the transaction has rolled back; anything else is the server's.
     */
    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<ProblemDetail> refusedByDatabase(DataAccessException failure) {
        String state = RequestErrors.sqlState(failure);
        if (RequestErrors.isRace(state)) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(problem(HttpStatus.CONFLICT, CONCURRENT_CHANGE));
        }
        if (state == null || !(state.startsWith("22") || state.startsWith("23"))) {
            throw failure;
        }
        boolean duplicate = "23505".equals(state);
        ProblemDetail problem = problem(
                duplicate ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST,
                duplicate ? "与已有的数据重复，未保存。" : "提交的内容无法保存：含有无效字符（如空字符）、超出长度限制或不符合数据要求。");
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail tooLarge() {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, "文件过大：计划文件不能超过5MB。");
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ProblemDetail missingFile() {
        return problem(HttpStatus.BAD_REQUEST, "缺少文件：请上传名为 file 的计划文件。");
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException unreadable) {
        if (unreadable.getRootCause() instanceof RequestTooLargeException tooLarge) {
            return problem(HttpStatus.PAYLOAD_TOO_LARGE, tooLarge.getMessage());
        }
        return problem(HttpStatus.BAD_REQUEST, "请求内容为空或无法读取（JSON格式不对，或字段的类型不对）。");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail badParameter(MethodArgumentTypeMismatchException mismatch) {
        String value = String.valueOf(mismatch.getValue());
        return problem(
                HttpStatus.BAD_REQUEST,
                "参数“" + mismatch.getName() + "”的值“" + (value.length() > 50 ? value.substring(0, 50) + "…" : value)
                        + "”格式不对。");
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missingParameter(MissingServletRequestParameterException missing) {
        return problem(HttpStatus.BAD_REQUEST, "缺少参数“" + missing.getParameterName() + "”。");
    }

    private static ProblemDetail problem(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(ProblemResponses.title(status.value()));
        return problem;
    }
}
