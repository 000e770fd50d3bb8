package heard.command.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * An endpoint's {@code @PreAuthorize} role check, made before its body is read: a caller the role refuses
 * is answered 401 or 403, never told which fields the body lacks. The method's own check still runs
 * after; the roles name no argument, so none is needed here.
 */
@Component
class RolesBeforeBody implements HandlerInterceptor, WebMvcConfigurer {
    private final PreAuthorizeAuthorizationManager roles = new PreAuthorizeAuthorizationManager();

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod endpoint) {
            AuthorizationResult result = roles.authorize(SecurityContextHolder.getContext()::getAuthentication,
                    new SimpleMethodInvocation(endpoint.getBean(), endpoint.getMethod()));
            if (result != null && !result.isGranted()) {
                throw new AccessDeniedException("Your role does not allow this");
            }
        }
        return true;
    }
}
