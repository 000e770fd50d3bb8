package heard.command.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * An endpoint's {@code @PreAuthorize} role check, and a participant's endpoint's need of a receipt token,
 * made before its body is read: a caller the role refuses, or a participant without their token, is
 * answered 401 or 403, never told which fields the body lacks. The method's own check still runs
 * after; the roles name no argument, so none is needed here.
 */
@Component
class RolesBeforeBody implements HandlerInterceptor, WebMvcConfigurer {
    private static final String RECEIPT_TOKEN = "X-Receipt-Token";
    private final PreAuthorizeAuthorizationManager roles = new PreAuthorizeAuthorizationManager();

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod endpoint && asksForReceiptToken(endpoint)
                && (request.getHeader(RECEIPT_TOKEN) == null || request.getHeader(RECEIPT_TOKEN).isBlank())) {
            throw new MissingReceiptToken();
        }
        if (handler instanceof HandlerMethod endpoint) {
            AuthorizationResult result = roles.authorize(SecurityContextHolder.getContext()::getAuthentication,
                    new SimpleMethodInvocation(endpoint.getBean(), endpoint.getMethod()));
            if (result != null && !result.isGranted()) {
                throw new AccessDeniedException("Your role does not allow this");
            }
        }
        return true;
    }

    /** A participant's endpoint: who may call it is told by the receipt token it reads. */
    private static boolean asksForReceiptToken(HandlerMethod endpoint) {
        return Arrays.stream(endpoint.getMethodParameters())
                .map(parameter -> parameter.getParameterAnnotation(RequestHeader.class))
                .anyMatch(header -> header != null && RECEIPT_TOKEN.equalsIgnoreCase(header.name()));
    }
}
