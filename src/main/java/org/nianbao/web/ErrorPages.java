package org.nianbao.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.web.ErrorProperties;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code /error}, where the servlet container sends what no handler answered: the Chinese error page to a browser,
 * the API's JSON error ({@code status}, {@code error}, {@code message}, {@code requestId}) to anyone else, never a
 * stack trace. Asked for directly, with no error behind it, it is a 404, not a 500.
 */
@Controller
class ErrorPages extends BasicErrorController {

    ErrorPages(ErrorAttributes attributes, List<ErrorViewResolver> views) {
        super(attributes, new ErrorProperties(), views);
    }

    @Override
    protected HttpStatus getStatus(HttpServletRequest request) {
        if (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) == null) {
            return HttpStatus.NOT_FOUND; // GET /error itself
        }
        return super.getStatus(request);
    }

    @Override
    public ModelAndView errorHtml(HttpServletRequest request, HttpServletResponse response) {
        if (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) == null) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return withWho(new ModelAndView("error", Map.of("status", HttpStatus.NOT_FOUND.value()), HttpStatus.NOT_FOUND));
        }
        ModelAndView page = super.errorHtml(request, response);
        page.getModel().remove("message"); // the container's own words (English), not the page's
        return withWho(page);
    }

    @Override
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        HttpStatus status = getStatus(request);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status.value());
        body.put("error", status.name().toLowerCase());
        body.put("message", message(status));
        body.put("requestId", org.nianbao.operations.RequestIds.current());
        return ResponseEntity.status(status).body(body);
    }

    /** Whether the error should be answered as a page: a browser asking for HTML at an address that is not the API's. */
    static boolean wantsPage(HttpServletRequest request) {
        if (request == null) {
            return false;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String accept = request.getHeader("Accept");
        return !path.startsWith("/api/") && !path.equals("/api") && accept != null && accept.contains("text/html");
    }

    /** The error page with its status and what went wrong, in Chinese. */
    static ModelAndView page(HttpStatus status, String message) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("status", status.value());
        model.put("message", message == null ? message(status) : withoutGloss(message));
        return withWho(new ModelAndView("error", model, status));
    }

    /** What every page's header and the error page's last line show: who is signed in, the request's id. */
    private static ModelAndView withWho(ModelAndView page) {
        var auth = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        boolean signedIn = auth != null && auth.isAuthenticated()
                && !(auth instanceof org.springframework.security.authentication.AnonymousAuthenticationToken);
        page.addObject("signedIn", signedIn ? auth.getName() : null);
        page.addObject("requestId", org.nianbao.operations.RequestIds.current());
        return page;
    }

    /** A message without its English gloss at the end: 「没有这个评估结果 (no such assessment)」 → 「没有这个评估结果」. */
    static String withoutGloss(String message) {
        return message.replaceFirst("\\s*[(（][A-Za-z][^()（）]*[)）]\\s*$", "");
    }

    static String message(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "请求无效 (bad request)";
            case UNAUTHORIZED -> "请先登录 (sign in first)";
            case FORBIDDEN -> "没有这项操作的权限 (forbidden)";
            case NOT_FOUND -> "没有这个地址 (not found)";
            case METHOD_NOT_ALLOWED -> "不支持的请求方法 (method not allowed)";
            case CONTENT_TOO_LARGE -> "请求超过大小上限 (too large)";
            case TOO_MANY_REQUESTS -> "请求过于频繁，请稍后再试 (too many requests)";
            default -> status.is4xxClientError() ? "请求无效 (" + status.getReasonPhrase() + ")"
                    : "服务内部错误，请稍后重试 (internal error)";
        };
    }
}
