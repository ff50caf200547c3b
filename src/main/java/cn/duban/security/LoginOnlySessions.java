package cn.duban.security;

import jakarta.servlet.DispatcherType;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.SessionRepositoryFilter;

/** Right behind Spring Session's filter, on every path: sessions are stored for logins only. */
@Configuration(proxyBeanMethods = false)
class LoginOnlySessions {

    @Bean
    FilterRegistrationBean<LoginOnlySessionFilter> loginOnlySessionFilter() {
        FilterRegistrationBean<LoginOnlySessionFilter> registration =
                new FilterRegistrationBean<>(new LoginOnlySessionFilter());
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER + 1);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
