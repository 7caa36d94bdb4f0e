package org.nianbao.web;

import org.nianbao.reading.RejectedInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every error with its status and a Chinese message, never a stack trace: as JSON {@code {"status", "error", "message"}}
 * to the API and scripts, as the error page to a person's browser on a page.
 */
@RestControllerAdvice
public class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    /** The body of an error response, with the request's id (the same as in its log lines). */
    public record ApiError(int status, String error, String message, String requestId) {
        public ApiError(int status, String error, String message) {
            this(status, error, message, org.nianbao.operations.RequestIds.current());
        }
    }

    private final org.nianbao.operations.AssessmentMetrics metrics;

    ApiErrors(org.nianbao.operations.AssessmentMetrics metrics) {
        this.metrics = metrics;
    }

    @ExceptionHandler(RejectedInput.class)
    Object rejected(RejectedInput e) {
        metrics.refused(e.reason().name().toLowerCase());
        return error(statusOf(e), e.reason().name().toLowerCase(), e.getMessage());
    }

    /** The status for an input that cannot be assessed. */
    static HttpStatus statusOf(RejectedInput e) {
        return switch (e.reason()) {
            case EMPTY -> HttpStatus.BAD_REQUEST;
            case NOT_TEXT, UNSUPPORTED_FORMAT -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
            case NOT_A_REPORT, OUT_OF_SCOPE -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
    }

    /** A ruleset that was not activated: 422 with its problems (file, line, message) and failed rule tests. */
    @ExceptionHandler(org.nianbao.policy.ActivationRefused.class)
    Object refused(org.nianbao.policy.ActivationRefused e) {
        if (ErrorPages.wantsPage(currentRequest())) {
            return ErrorPages.page(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
        }
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(java.util.Map.of(
                "status", 422, "error", "ruleset_refused", "message", e.getMessage(),
                "problems", e.problems(), "failedTests", e.failedTests()));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    Object tooLarge(MaxUploadSizeExceededException e) {
        if (partHeaderTooLong(e)) { // a part's headers over Tomcat's 512 bytes: a long file name, not a large file
            return error(HttpStatus.BAD_REQUEST, "bad_request",
                    "文件名过长，请缩短文件名后再上传 (a part's headers are too long: shorten the file name)");
        }
        metrics.refused("too_large");
        return error(HttpStatus.CONTENT_TOO_LARGE, "too_large", "文件超过上传大小上限 (the file is larger than the upload limit)");
    }

    private static boolean partHeaderTooLong(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("Header section has more than")) {
                return true;
            }
        }
        return false;
    }

    @ExceptionHandler({MissingServletRequestPartException.class, MultipartException.class})
    Object noFile(Exception e) {
        return error(HttpStatus.BAD_REQUEST, "no_file", "请以 multipart/form-data 上传报告文件，字段名为 file (send the report as multipart field 'file')");
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class,
            AssessmentController.BadRequest.class})
    Object badRequest(Exception e) {
        String message = e instanceof MethodArgumentTypeMismatchException m
                ? "参数 %s 的值「%s」无效%s (invalid parameter)".formatted(m.getName(), m.getValue(), expected(m.getRequiredType()))
                : e instanceof MissingServletRequestParameterException p
                ? "缺少参数 %s (missing parameter %s)".formatted(p.getParameterName(), p.getParameterName())
                : e.getMessage();
        return error(HttpStatus.BAD_REQUEST, "bad_request", message);
    }

    @ExceptionHandler(org.nianbao.accounts.InvalidAccount.class)
    Object invalidAccount(RuntimeException e) {
        return error(HttpStatus.BAD_REQUEST, "invalid_account", e.getMessage());
    }

    @ExceptionHandler(org.nianbao.accounts.AccountService.UnknownAccount.class)
    Object unknownAccount(RuntimeException e) {
        return error(HttpStatus.NOT_FOUND, "not_found", e.getMessage());
    }

    private static String expected(Class<?> type) {
        if (type == java.time.LocalDate.class) {
            return "（日期应为 YYYY-MM-DD）";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "（应为 true 或 false）";
        }
        if (type != null && (Number.class.isAssignableFrom(type) || type.isPrimitive())) {
            return "（应为数字）";
        }
        return "";
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    Object mediaType(HttpMediaTypeNotSupportedException e) {
        return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                "请以 multipart/form-data 上传报告文件 (send the report as multipart/form-data)");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    Object method(HttpRequestMethodNotSupportedException e) {
        return error(HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed", "不支持的请求方法 " + e.getMethod());
    }

    @ExceptionHandler(AssessmentPdf.NoFont.class)
    Object noFont(RuntimeException e) {
        log.warn(e.getMessage());
        return error(HttpStatus.SERVICE_UNAVAILABLE, "no_font", e.getMessage());
    }

    @ExceptionHandler(org.nianbao.policy.DryRuns.TooMany.class)
    Object tooManyDryRuns(RuntimeException e) {
        if (ErrorPages.wantsPage(currentRequest())) {
            return ErrorPages.page(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        }
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "10")
                .body(new ApiError(HttpStatus.SERVICE_UNAVAILABLE.value(), "busy", e.getMessage()));
    }

    @ExceptionHandler(org.nianbao.rounds.RoundService.Refused.class)
    Object roundRefused(RuntimeException e) {
        return error(HttpStatus.BAD_REQUEST, "bad_request", e.getMessage());
    }

    @ExceptionHandler(org.nianbao.rounds.RoundService.NotFound.class)
    Object roundNotFound(RuntimeException e) {
        return error(HttpStatus.NOT_FOUND, "not_found", e.getMessage());
    }

    @ExceptionHandler(org.nianbao.submission.AssessmentService.UnknownScorecard.class)
    Object unknownScorecard(RuntimeException e) {
        return error(HttpStatus.BAD_REQUEST, "unknown_scorecard", e.getMessage());
    }

    @ExceptionHandler({AssessmentController.NotFound.class, NoResourceFoundException.class})
    Object notFound(Exception e) {
        String message = e instanceof AssessmentController.NotFound ? e.getMessage() : "没有这个地址 (not found)";
        return error(HttpStatus.NOT_FOUND, "not_found", message);
    }

    /** The rules in force ran past their time budget over this report: said as such, with the rule, and not stored. */
    @ExceptionHandler(org.nianbao.rules.RuleTimeout.class)
    Object ruleTimeout(org.nianbao.rules.RuleTimeout e) {
        log.warn("rule session past its budget: {}", e.getMessage());
        return error(HttpStatus.UNPROCESSABLE_ENTITY, "rule_timeout", "这份报告未能在规定时间内评完：" + e.getMessage()
                + "（请通知规则维护人员）");
    }

    /** A rule of the ruleset in force failed while it ran: the service says which, and keeps serving. */
    @ExceptionHandler(org.nianbao.rules.RuleFailure.class)
    Object ruleFailure(org.nianbao.rules.RuleFailure e) {
        log.error("rule failure", e);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "rule_failure", e.getMessage() + "（请在规则工作台修正后重新启用）");
    }

    @ExceptionHandler(Exception.class)
    Object unexpected(Exception e) {
        log.error("unexpected error", e);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error", "服务内部错误，请稍后重试 (internal error)");
    }

    /**
     * The error as its asker reads it: a person's browser on a page (an address outside {@code /api/}, asking for
     * HTML) gets the Chinese error page with the message; a script or the API gets the JSON.
     */
    private static Object error(HttpStatus status, String code, String message) {
        if (ErrorPages.wantsPage(currentRequest())) {
            return ErrorPages.page(status, message);
        }
        return ResponseEntity.status(status).body(new ApiError(status.value(), code, message));
    }

    private static jakarta.servlet.http.HttpServletRequest currentRequest() {
        return org.springframework.web.context.request.RequestContextHolder.getRequestAttributes()
                instanceof org.springframework.web.context.request.ServletRequestAttributes a ? a.getRequest() : null;
    }
}
