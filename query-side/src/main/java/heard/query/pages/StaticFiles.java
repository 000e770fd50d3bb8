package heard.query.pages;

import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * The pages' stylesheet, script and Chart.js under addresses that carry a hash of their content
 * ({@code /heard-<md5>.css}), which the pages' links are rewritten to: a browser keeps each for a
 * year without asking again, and a new version is a new address. Registered before Spring Boot's
 * own handlers for the same paths, which then step aside.
 */
@Configuration(proxyBeanMethods = false)
@Order(Ordered.HIGHEST_PRECEDENCE)
class StaticFiles implements WebMvcConfigurer {
    private static final CacheControl A_YEAR = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/webjars/**").addResourceLocations("classpath:/META-INF/resources/webjars/")
                .setCacheControl(A_YEAR).resourceChain(true)
                .addResolver(byContent()).addResolver(new LiteWebJarsResourceResolver());
        registry.addResourceHandler("/**").addResourceLocations("classpath:/static/")
                .setCacheControl(A_YEAR).resourceChain(true).addResolver(byContent());
    }

    /** Rewrites the links the pages render (Thymeleaf's {@code @{...}}) to the hashed addresses. */
    @Bean
    ResourceUrlEncodingFilter resourceUrlEncodingFilter() {
        return new ResourceUrlEncodingFilter();
    }

    private static VersionResourceResolver byContent() {
        return new VersionResourceResolver().addContentVersionStrategy("/**");
    }
}
