package cn.duban.web;

import jakarta.ws.rs.ApplicationPath;
import java.util.List;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Camunda's REST API as the starter configures it, plus Duban's answers to refusals and conflicts (in Chinese). */
@Configuration(proxyBeanMethods = false)
class EngineRestConfiguration {

    private static final List<Class<?>> MAPPERS = List.of(
            EngineRestErrors.ClaimedMapper.class,
            EngineRestErrors.ConcurrentChangeMapper.class,
            EngineRestErrors.AuthorizationMapper.class,
            EngineRestErrors.WrappedEngineMapper.class,
            EngineRestErrors.WrappedRestMapper.class,
            EngineRestErrors.JsonParseMapper.class,
            EngineRestErrors.JsonMappingMapper.class,
            EngineRestErrors.WebApplicationMapper.class,
            EngineRestErrors.DatabaseUnavailableMapper.class,
            EngineRestErrors.AnyFailureMapper.class);

    @Bean
    CamundaJerseyResourceConfig camundaJerseyResourceConfig() {
        return new DubanEngineRest();
    }

    /**
     * The webapps' copy of the engine API (Tasklist's calls under /camunda/api/engine) answers the same way. Camunda
     * registers that servlet itself, after this runs; Jersey also takes its properties from the context's attributes.
     */
    @Bean
    ServletContextInitializer webappEngineRestErrors() {
        return servletContext -> servletContext.setAttribute(
                ServerProperties.PROVIDER_CLASSNAMES,
                String.join(",", MAPPERS.stream().map(Class::getName).toList()));
    }

    @ApplicationPath("/engine-rest")
    static class DubanEngineRest extends CamundaJerseyResourceConfig {

        @Override
        protected void registerAdditionalResources() {
            MAPPERS.forEach(this::register);
        }
    }
}
