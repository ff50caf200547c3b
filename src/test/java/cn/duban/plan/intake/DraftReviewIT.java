package cn.duban.plan.intake;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.identity.DubanGroups;
import cn.duban.support.DubanTest;
import cn.duban.support.Http;
import cn.duban.support.Orders;
import cn.duban.support.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/** Duban's review page's API: read every task, correct, submit; with Basic auth or the Tasklist login. */
@DubanTest
class DraftReviewIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TestRestTemplate rest;

    @Autowired
    TestUsers users;

    @Autowired
    TaskService taskService;

    private Http office;
    private String draftId;

    @BeforeEach
    void uploadThe2017Plan() throws IOException {
        office = Http.as(rest, users.member("review-office", DubanGroups.SUPERVISION_OFFICE));
        String text = new ClassPathResource("plans/changji-2017-soil-work-plan.txt")
                .getContentAsString(StandardCharsets.UTF_8)
                .replace("州宣传部", "州文明办");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.TEXT_PLAIN);
        headers.add("X-Requested-With", "curl");
        ResponseEntity<String> created = rest.withBasicAuth("review-office", TestUsers.PASSWORD)
                .postForEntity(
                        "/api/plan-drafts?code=" + Orders.freshCode("REVIEW"),
                        new HttpEntity<>(text.getBytes(StandardCharsets.UTF_8), headers),
                        String.class);
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        draftId = JSON.readTree(created.getBody()).path("processInstanceId").asText();
    }

    @Test
    void theReviewerSeesEveryTaskCorrectsOneAndSubmitsForApproval() throws IOException {
        JsonNode draft = office.get("/api/plan-drafts/" + draftId).json();
        assertThat(draft.path("tasks")).hasSize(11);
        assertThat(draft.path("unknownUnits").toString()).contains("州文明办");
        assertThat(draft.path("tasks").get(4).path("leadUnits").asText()).isEqualTo("州农业局、州环保局");

        ObjectNode edit = edit(draft);
        Http.Response refused = office.postJson("/api/plan-drafts/" + draftId + "/submission", edit);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("detail").asText()).contains("未知单位“州文明办”");

        ((ObjectNode) edit.withArray("tasks").get(10)).put("leadUnits", "州委宣传部");
        ((ObjectNode) edit.withArray("tasks").get(0)).put("deadline", "2017-09-30");
        ((ObjectNode) edit.withArray("tasks").get(0)).put("binding", true);
        ((ArrayNode) edit.withArray("tasks")).remove(7);
        JsonNode saved = office.putJson("/api/plan-drafts/" + draftId, edit).json();
        assertThat(saved.path("tasks")).hasSize(10);
        assertThat(saved.path("tasks").get(0).path("binding").asBoolean())
                .as("约束性, set on the review page")
                .isTrue();
        assertThat(saved.path("tasks").get(1).path("binding").isNull()).as("自动").isTrue();
        assertThat(saved.path("unknownUnits")).isEmpty();

        assertThat(office.postJson("/api/plan-drafts/" + draftId + "/submission", edit)
                        .status())
                .isEqualTo(204);
        assertThat(taskService
                        .createTaskQuery()
                        .processInstanceId(draftId)
                        .singleResult()
                        .getTaskDefinitionKey())
                .isEqualTo("UserTask_ApprovePublication");
        assertThat(office.get("/api/plan-drafts/" + draftId).status())
                .as("no longer in review")
                .isEqualTo(404);
    }

    @Test
    void anotherUnitCannotReadTheDraft() {
        Http other = Http.as(rest, users.member("review-finance", Orders.FINANCE.id()));
        // Units are refused at the door (AccessPolicy): only the office and leaders read drafts.
        assertThat(other.get("/api/plan-drafts/" + draftId).status()).isEqualTo(403);
        assertThat(Http.anonymous(rest).get("/api/plan-drafts/" + draftId).status())
                .isEqualTo(401);
    }

    @Test
    void theTasklistLoginOpensTheReviewPageButChangesNeedTheCsrfHeader() throws IOException {
        String session = tasklistLogin("review-office");
        HttpHeaders headers = new HttpHeaders();
        headers.add(HttpHeaders.COOKIE, session);
        headers.setContentType(MediaType.APPLICATION_JSON);

        ResponseEntity<String> read =
                rest.exchange("/api/plan-drafts/" + draftId, HttpMethod.GET, new HttpEntity<>(headers), String.class);
        assertThat(read.getStatusCode().value()).isEqualTo(200);
        ObjectNode edit = edit(JSON.readTree(read.getBody()));

        ResponseEntity<String> forged = rest.exchange(
                "/api/plan-drafts/" + draftId,
                HttpMethod.PUT,
                new HttpEntity<>(edit.toString(), headers),
                String.class);
        assertThat(forged.getStatusCode().value())
                .as("a cross-site form cannot add the header")
                .isEqualTo(403);

        headers.add("X-Duban-Request", "1");
        ResponseEntity<String> saved = rest.exchange(
                "/api/plan-drafts/" + draftId,
                HttpMethod.PUT,
                new HttpEntity<>(edit.toString(), headers),
                String.class);
        assertThat(saved.getStatusCode().value()).as(saved.getBody()).isEqualTo(200);
    }

    private String tasklistLogin(String userId) {
        ResponseEntity<String> page = rest.getForEntity("/camunda/app/tasklist/default/", String.class);
        String xsrf = cookie(page.getHeaders().get(HttpHeaders.SET_COOKIE), "XSRF-TOKEN");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.add("X-XSRF-TOKEN", xsrf.substring(xsrf.indexOf('=') + 1));
        headers.add(HttpHeaders.COOKIE, xsrf);
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", userId);
        form.add("password", TestUsers.PASSWORD);
        ResponseEntity<String> login = rest.postForEntity(
                "/camunda/api/admin/auth/user/default/login/tasklist", new HttpEntity<>(form, headers), String.class);
        assertThat(login.getStatusCode().value()).as(login.getBody()).isEqualTo(200);
        return cookie(login.getHeaders().get(HttpHeaders.SET_COOKIE), "JSESSIONID");
    }

    private static String cookie(List<String> setCookies, String name) {
        return setCookies.stream()
                .filter(c -> c.startsWith(name + "="))
                .map(c -> c.split(";")[0])
                .findFirst()
                .orElseThrow(() -> new AssertionError("no cookie " + name + " in " + setCookies));
    }

    private static ObjectNode edit(JsonNode draft) {
        ObjectNode edit = JSON.createObjectNode();
        for (String field : new String[] {"planCode", "planTitle", "planIssuer", "planDeadline"}) {
            edit.set(field, draft.path(field));
        }
        edit.set("tasks", draft.path("tasks").deepCopy());
        return edit;
    }
}
