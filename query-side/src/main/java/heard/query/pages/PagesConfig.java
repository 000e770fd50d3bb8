package heard.query.pages;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** English and Spanish pages: {@code ?lang=en|es} overrides the browser's choice and is remembered. */
@Configuration(proxyBeanMethods = false)
class PagesConfig implements WebMvcConfigurer {

    /** Named so that it replaces Spring MVC's default resolver. */
    @Bean(name = "localeResolver")
    LocaleResolver localeResolver() {
        return new PageLocales();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        var change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        // Only when a page is read: the forms also send a lang field, and reading it there would parse their bodies.
        change.setHttpMethods("GET", "HEAD");
        registry.addInterceptor(change).addPathPatterns("/", "/i/**", "/r/**", "/decisions/**", "/staff", "/staff/**",
                "/signin");
    }
}
