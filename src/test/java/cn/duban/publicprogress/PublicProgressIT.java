package cn.duban.publicprogress;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.identity.DubanGroups;
import cn.duban.plan.PlanImporter;
import cn.duban.support.DubanTest;
import cn.duban.support.Http;
import cn.duban.support.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * The public progress page, as an anonymous visitor sees it: nothing until the office publishes a plan; then the
 * published tasks with lead units, deadlines and state, and none of the people, notes, evidence, escalation or
 * engine ids the record holds; a task the office left off stays off; withdrawn, the plan is gone again.
 */
@DubanTest
class PublicProgressIT {

    private static final String OFFICE = "public-office";
    private static final String LEAD = "public-ecology";

    @Autowired
    TestRestTemplate rest;

    @Autowired
    TestUsers users;

    @Autowired
    PlanImporter importer;

    @Autowired
    TaskService taskService;

    @Test
    void anAnonymousVisitorSeesOnlyWhatTheOfficePublished() throws Exception {
        users.member(OFFICE, DubanGroups.SUPERVISION_OFFICE);
        users.member(LEAD, "ecology-environment");
        String plan = "PUB-" + UUID.randomUUID().toString().substring(0, 6);
        importer.importPlan(("""
                code: %1$s
                title: 公开测试计划
                issuer: 测试州人民政府
                deadline: 2030-12-31
                tasks:
                  - code: %1$s-01
                    title: 农用地土壤详查
                    text: 开展农用地土壤污染状况详查。
                    leadUnits: 州生态环境局
                  - code: %1$s-02
                    title: 内部整改事项
                    text: 内部事项，不对外公开。
                    leadUnits: 州自然资源局
                """).formatted(plan).getBytes(StandardCharsets.UTF_8), OFFICE);
        // Another plan the office never opts in: it stays invisible while the first one is public.
        String unpublished = "PUBX-" + UUID.randomUUID().toString().substring(0, 6);
        importer.importPlan(("""
                code: %1$s
                title: 未公开的工作方案
                issuer: 测试州人民政府
                deadline: 2030-12-31
                tasks:
                  - code: %1$s-01
                    title: 未公开计划的任务
                    text: 不对外公开的计划。
                    leadUnits: 州财政局
                """).formatted(unpublished).getBytes(StandardCharsets.UTF_8), OFFICE);
        // The lead unit signs with a person's name and phone and reports with evidence: none of it may show.
        Task claim = taskService
                .createTaskQuery()
                .processInstanceBusinessKey(plan + "-01")
                .singleResult();
        taskService.complete(claim.getId(), Map.of("responsiblePerson", "王秘密", "contactPhone", "0994-7654321"));
        Task report = taskService
                .createTaskQuery()
                .processInstanceBusinessKey(plan + "-01")
                .singleResult();
        taskService.complete(report.getId(), Map.of("resultDescription", "内部说明：不宜公开的细节", "evidence", "内部佐证材料.pdf"));

        Http anonymous = Http.anonymous(rest);
        Http.Response before = anonymous.get("/public/plans/" + plan);
        assertThat(before.status()).isEqualTo(404);
        assertThat(before.json().path("detail").asText()).isEqualTo("未找到公开的计划");
        assertThat(anonymous
                        .get("/public/plans/NO-SUCH-PLAN")
                        .json()
                        .path("detail")
                        .asText())
                .isEqualTo("未找到公开的计划");

        // Opting in is the office's: anonymous and unit callers are refused.
        assertThat(anonymous.putJson("/api/public-plans/" + plan, Map.of()).status())
                .isEqualTo(401);
        assertThat(Http.as(rest, LEAD)
                        .putJson("/api/public-plans/" + plan, Map.of())
                        .status())
                .isEqualTo(403);
        Http.Response badPick = Http.as(rest, OFFICE)
                .putJson("/api/public-plans/" + plan, Map.of("excludedTasks", List.of("OTHER-01")));
        assertThat(badPick.status()).isEqualTo(400);
        assertThat(badPick.json().path("detail").asText()).isEqualTo("以下任务不属于计划“" + plan + "”：OTHER-01");
        Http.Response published = Http.as(rest, OFFICE)
                .putJson("/api/public-plans/" + plan, Map.of("excludedTasks", List.of(plan + "-02")));
        assertThat(published.status()).as(published.body()).isEqualTo(200);

        Http.Response shown = anonymous.get("/public/plans/" + plan);
        assertThat(shown.status()).isEqualTo(200);
        JsonNode view = shown.json();
        assertThat(view.path("title").asText()).isEqualTo("公开测试计划");
        assertThat(view.path("issuer").asText()).isEqualTo("测试州人民政府");
        assertThat(view.path("tasks")).singleElement().satisfies(task -> {
            assertThat(task.path("code").asText()).isEqualTo(plan + "-01");
            assertThat(task.path("title").asText()).isEqualTo("农用地土壤详查");
            assertThat(task.path("leadUnits").get(0).asText()).isEqualTo("州生态环境局");
            assertThat(task.path("deadline").asText()).isEqualTo("2030-12-31");
            assertThat(task.path("state").asText()).isEqualTo("待验收");
            List<String> fields = new ArrayList<>();
            task.fieldNames().forEachRemaining(fields::add);
            assertThat(fields).containsExactly("code", "section", "title", "leadUnits", "deadline", "state");
        });
        assertThat(shown.body())
                .doesNotContain(
                        "王秘密",
                        "0994-7654321",
                        "内部说明",
                        "内部佐证材料",
                        "内部整改事项",
                        "州自然资源局",
                        LEAD,
                        OFFICE,
                        "processInstance",
                        "escalation",
                        "urge",
                        unpublished,
                        "未公开");
        assertThat(anonymous.get("/public/plans/" + unpublished).status()).isEqualTo(404);
        // Browsers and proxies in front of the page may keep the answer as long as a node does; no session is made.
        ResponseEntity<String> raw = rest.getForEntity("/public/plans/" + plan, String.class);
        assertThat(raw.getHeaders().getCacheControl()).contains("max-age=10").contains("public");
        assertThat(raw.getHeaders().get("Set-Cookie")).isNull();
        assertThat(view.path("byState").path("待验收").asInt()).isEqualTo(1);

        // Read-only: nothing but GET answers, and no session is made.
        assertThat(anonymous.postJson("/public/plans/" + plan, Map.of()).status())
                .isIn(401, 403, 405);
        ResponseEntity<String> page = rest.getForEntity("/duban/public.html?plan=" + plan, String.class);
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getHeaders().get("Set-Cookie")).isNull();

        // A crowd costs the database one query per plan and node in PublicProgress.FRESH_FOR: 200 readers at once are
        // all answered from the node's copy (the copy's time, asOf, changes at most once per FRESH_FOR).
        ExecutorService readers = Executors.newFixedThreadPool(8);
        try {
            List<Future<Http.Response>> answers = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < 200; i++) {
                answers.add(readers.submit(() -> anonymous.get("/public/plans/" + plan)));
            }
            Set<String> copies = new HashSet<>();
            for (Future<Http.Response> answer : answers) {
                assertThat(answer.get().status()).isEqualTo(200);
                copies.add(answer.get().json().path("asOf").asText());
            }
            long windows = (System.nanoTime() - start) / PublicProgress.FRESH_FOR.toNanos() + 2;
            assertThat((long) copies.size()).as("copies made for 200 readers").isLessThanOrEqualTo(windows);
        } finally {
            readers.shutdown();
        }

        // Withdrawn: gone for everyone at once on this node (other nodes within PublicProgress.FRESH_FOR).
        assertThat(Http.as(rest, OFFICE).delete("/api/public-plans/" + plan).status())
                .isEqualTo(204);
        assertThat(anonymous.get("/public/plans/" + plan).status()).isEqualTo(404);
        assertThat(Http.as(rest, OFFICE).delete("/api/public-plans/" + plan).status())
                .isEqualTo(404);
    }
}
