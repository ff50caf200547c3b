package cn.duban.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.support.DubanTest;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The webapps: their login stays open, but no visitor can make themselves administrator. */
@DubanTest
class WebappSecurityIT {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    IdentityService identityService;

    @Test
    void nobodyCanCreateTheFirstAdministratorThroughTheSetupPage() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        Map<String, Object> body = Map.of(
                "profile", Map.of("id", "intruder", "firstName", "x", "lastName", "y", "email", "x@y.z"),
                "credentials", Map.of("password", "intruder-password"));

        ResponseEntity<String> response = rest.postForEntity(
                "/camunda/api/admin/setup/default/user/create", new HttpEntity<>(body, headers), String.class);

        assertThat(response.getStatusCode().value()).isIn(401, 403);
        assertThat(identityService.createUserQuery().userId("intruder").count()).isZero();
    }

    @Test
    void theTasklistLoginPageIsServed() {
        ResponseEntity<String> page = rest.getForEntity("/camunda/app/tasklist/default/", String.class);
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getBody()).contains("tasklist");
    }

    @Test
    void pagesNeverMakeTheBrowserPopUpAPasswordDialog() {
        ResponseEntity<String> probe = rest.getForEntity("/camunda-welcome", String.class);
        assertThat(probe.getStatusCode().value())
                .as("Tasklist's login page probes it")
                .isEqualTo(404);
        ResponseEntity<String> unknown = rest.getForEntity("/some/page", String.class);
        assertThat(unknown.getStatusCode().value()).isEqualTo(401);
        assertThat(unknown.getHeaders().get("WWW-Authenticate")).isNull();
    }

    @Test
    void everyUnitIsAGroupWithItsChineseName() {
        assertThat(identityService
                        .createGroupQuery()
                        .groupId("ecology-environment")
                        .singleResult()
                        .getName())
                .isEqualTo("州生态环境局");
        assertThat(identityService
                        .createGroupQuery()
                        .groupId(DubanGroups.SUPERVISION_OFFICE)
                        .singleResult()
                        .getName())
                .isEqualTo("督查办");
        assertThat(identityService
                        .createGroupQuery()
                        .groupId(DubanGroups.LEADERS)
                        .singleResult()
                        .getName())
                .isEqualTo("领导");
        assertThat(identityService.createGroupQuery().groupType("DEPARTMENT").count())
                .isGreaterThanOrEqualTo(17);
    }
}
