package cn.duban.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Addresses refused before any controller sees them get Duban's Chinese problem document: those Spring Security's
 * firewall rejects ({@code /api/%2e%2e/x}, {@code /api//me}, {@code %25}, {@code ;jsessionid}) and those Tomcat itself
 * rejects ({@code %2F}, {@code %00}), which would otherwise get Tomcat's English HTML page.
 */
@Configuration(proxyBeanMethods = false)
class MalformedRequestConfiguration {

    /** Spring Security takes the application's one RequestRejectedHandler for its filter chain. */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ObjectMapper json) {
        return ProblemResponses.rejected(json);
    }

    @Bean
    ProblemReportValveCustomizer problemReportValve() {
        return new ProblemReportValveCustomizer();
    }

    /** After Spring Boot's customizers, so the valve sits inside Spring Boot's error report valve and answers first. */
    static final class ProblemReportValveCustomizer
            implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(
                    context -> context.getParent().getPipeline().addValve(new ProblemReportValve()));
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
