package cn.duban.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/** Bounds what a request may send to the APIs (Duban's and the engine's), whatever its content type. */
@Configuration(proxyBeanMethods = false)
class RequestLimits {

    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(
            @Value("${duban.security.max-request-body}") DataSize limit) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestBodyLimitFilter(limit.toBytes()));
        registration.addUrlPatterns("/api/*", "/engine-rest/*");
        registration.setOrder(Integer.MIN_VALUE + 100);
        return registration;
    }
}
