package cn.duban.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of Duban's REST API ({@code /v3/api-docs}, browsable at {@code /swagger-ui.html}), for the
 * government systems that pull supervision data. Every call authenticates with HTTP Basic as a Duban user.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    @Bean
    OpenAPI dubanApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("督办系统 API")
                        .version("v1")
                        .description("计划导入、任务督办、看板统计与督办台账。所有接口均需以督办系统账号进行 HTTP Basic 认证；"
                                + "错误以 RFC 9457 问题文档返回，detail 为中文说明。"))
                .components(new Components()
                        .addSecuritySchemes(
                                "basic",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}
