package cn.duban.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/**
 * Bounds what a request may send: a body the APIs (Duban's and the engine's) accept, whatever its content type, and an
 * address that leads where it says.
 */
@Configuration(proxyBeanMethods = false)
class RequestLimits {

    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(
            @Value("${duban.security.max-request-body}") DataSize limit,
            @Value("${duban.evidence.max-file-size}") DataSize evidenceFile) {
        // An evidence file's upload: the file and the multipart request's few lines around it.
        FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(
                new RequestBodyLimitFilter(limit.toBytes(), evidenceFile.toBytes() + 64 * 1024));
        registration.addUrlPatterns("/api/*", "/engine-rest/*");
        registration.setOrder(Integer.MIN_VALUE + 100);
        return registration;
    }

    /** Right after the outermost filter (503 while the database is away), ahead of security and the login throttle. */
    @Bean
    FilterRegistrationBean<ServletPathGuardFilter> servletPathGuardFilter() {
        FilterRegistrationBean<ServletPathGuardFilter> registration =
                new FilterRegistrationBean<>(new ServletPathGuardFilter());
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }
}
