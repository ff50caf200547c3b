package cn.duban.annualplan;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.identity.DubanGroups;
import cn.duban.plan.intake.PlanIntake;
import cn.duban.support.DubanTest;
import cn.duban.support.Http;
import cn.duban.support.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The supervision office draws the 2025 work plan from the 14th Five-Year plan (published from its text, 47 tasks,
 * period 2021–2025): the draft lists every task still open in 2025, the office picks two, adds yearly targets and a
 * deadline, and the annual plan is dispatched under its parent; the dashboard shows the parent with its child.
 */
@DubanTest
class AnnualPlanIT {

    private static final String OFFICE = "annual-office";
    private static final String LEADER = "annual-leader";
    private static final String UNIT = "annual-ecology";

    @Autowired
    TestRestTemplate rest;

    @Autowired
    PlanIntake intake;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    private static String parent;

    @BeforeEach
    void publishTheFiveYearPlan() throws Exception {
        users.member(OFFICE, DubanGroups.SUPERVISION_OFFICE);
        users.member(LEADER, DubanGroups.LEADERS);
        users.member(UNIT, "ecology-environment");
        synchronized (AnnualPlanIT.class) {
            if (parent == null) {
                String code = "FYP-" + UUID.randomUUID().toString().substring(0, 6);
                String text = new ClassPathResource("plans/changji-14th-fyp-soil-groundwater-rural.txt")
                        .getContentAsString(StandardCharsets.UTF_8);
                intake.publishUnreviewed(text, "changji-14th-fyp.txt", code, "昌吉州土壤、地下水和农村生态环境保护“十四五”规划", "test");
                parent = code;
            }
        }
    }

    @Test
    void theOfficeDraftsThe2025PlanFromTheFiveYearPlanAndTheDashboardShowsBoth() {
        JsonNode draft =
                office().get("/api/plans/" + parent + "/annual-draft?year=2025").json();
        assertThat(draft.path("code").asText()).isEqualTo(parent + "-2025");
        assertThat(draft.path("title").asText()).isEqualTo("昌吉州土壤、地下水和农村生态环境保护“十四五”规划2025年度工作计划");
        // Every task is still open (none closed): all 47 are candidates, each due within 2025 at the latest.
        assertThat(draft.path("candidates")).hasSize(47);
        JsonNode first = draft.path("candidates").get(0);
        assertThat(first.path("parentTaskCode").asText()).isEqualTo(parent + "-01");
        assertThat(first.path("code").asText()).isEqualTo(parent + "-01-2025");
        draft.path("candidates")
                .forEach(candidate ->
                        assertThat(candidate.path("deadline").asText()).startsWith("2025-"));

        Http.Response published = office().postJson(
                        "/api/plans/" + parent + "/annual-plans",
                        Map.of(
                                "year",
                                2025,
                                "tasks",
                                List.of(
                                        Map.of(
                                                "parentTaskCode",
                                                parent + "-01",
                                                "yearlyTarget",
                                                "完成全州重点地块土壤污染状况调查30个",
                                                "deadline",
                                                "2025年10月31日"),
                                        Map.of("parentTaskCode", parent + "-02", "yearlyTarget", "新增受污染耕地安全利用面积1万亩"))));
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        assertThat(published.json().path("taskCount").asInt()).isEqualTo(2);
        String child = parent + "-2025";

        assertThat(jdbc.sql("""
                        select c.kind || ' ' || c.period_start || ' ' || p.code from duban.plan c
                        join duban.plan p on p.id = c.parent_plan_id where c.code = ?""").param(child).query(String.class).single()).isEqualTo("ANNUAL 2025 " + parent);
        assertThat(jdbc.sql("select deadline::text || ' ' || parent_task_code from duban.plan_task where code = ?")
                        .param(parent + "-01-2025")
                        .query(String.class)
                        .single())
                .isEqualTo("2025-10-31 " + parent + "-01");
        assertThat(jdbc.sql("select text from duban.plan_task where code = ?")
                        .param(parent + "-01-2025")
                        .query(String.class)
                        .single())
                .endsWith("2025年度目标：完成全州重点地块土壤污染状况调查30个");
        // Dispatched and supervised like any plan task, to the parent task's lead unit.
        assertThat(jdbc.sql("select lead_unit_ids[1] from duban.task_supervision where task_code = ?")
                        .param(parent + "-01-2025")
                        .query(String.class)
                        .single())
                .isEqualTo(jdbc.sql("select lead_unit_ids[1] from duban.task_supervision where task_code = ?")
                        .param(parent + "-01")
                        .query(String.class)
                        .single());

        JsonNode tree =
                Http.as(rest, LEADER).get("/api/dashboard/plan-tree/" + parent).json();
        assertThat(tree.path("plan").path("total").asLong()).isEqualTo(47);
        assertThat(tree.path("plan").path("children")).singleElement().satisfies(node -> {
            assertThat(node.path("code").asText()).isEqualTo(child);
            assertThat(node.path("total").asLong()).isEqualTo(2);
        });
        assertThat(tree.path("rolledUpTotal").asLong()).isEqualTo(49);
        JsonNode task = tree.path("tasks").get(0);
        assertThat(task.path("code").asText()).isEqualTo(parent + "-01");
        assertThat(task.path("yearlyParts")).singleElement().satisfies(part -> {
            assertThat(part.path("code").asText()).isEqualTo(parent + "-01-2025");
            assertThat(part.path("deadline").asText()).isEqualTo("2025-10-31");
        });
        assertThat(tree.path("indicators").size())
                .isEqualTo(jdbc.sql("""
                        select count(*) from duban.plan_indicator i join duban.plan p on p.id = i.plan_id
                        where p.code = ?""").param(parent).query(Integer.class).single());
        JsonNode childTree = office().get("/api/dashboard/plan-tree/" + child).json();
        assertThat(childTree.path("parent").path("code").asText()).isEqualTo(parent);

        // The same year again: the plan code is taken.
        Http.Response again = office().postJson(
                        "/api/plans/" + parent + "/annual-plans",
                        Map.of("year", 2025, "tasks", List.of(Map.of("parentTaskCode", parent + "-03"))));
        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void badPicksAreRefusedInChineseAndNothingIsWritten() {
        Http.Response outside = office().get("/api/plans/" + parent + "/annual-draft?year=2027");
        assertThat(outside.status()).isEqualTo(400);
        assertThat(outside.json().path("detail").asText()).isEqualTo("年度须在上级计划的实施期2021—2025年内（收到2027）");

        Http.Response wrong = office().postJson(
                        "/api/plans/" + parent + "/annual-plans",
                        Map.of(
                                "year",
                                2024,
                                "code",
                                parent + "-BAD",
                                "tasks",
                                List.of(
                                        Map.of("parentTaskCode", "NO-SUCH-TASK"),
                                        Map.of("parentTaskCode", parent + "-05", "deadline", "2025-03-01"),
                                        Map.of("parentTaskCode", parent + "-06", "deadline", "明年"))));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().path("detail").asText())
                .isEqualTo("年度计划未发布：任务“NO-SUCH-TASK”不是上级计划“" + parent
                        + "”在2024年仍未完成的任务；任务“" + parent + "-05”的年度完成时限须在2024年内（收到2025-03-01）；任务“" + parent
                        + "-06”的完成时限“明年”无法识别，应写成“2026-06-30”或“2026年6月30日”");
        Http.Response none =
                office().postJson("/api/plans/" + parent + "/annual-plans", Map.of("year", 2024, "tasks", List.of()));
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.json().path("detail").asText()).isEqualTo("请至少选择上级计划的一项任务纳入年度计划");
        assertThat(jdbc.sql("select count(*) from duban.plan where code = ?")
                        .param(parent + "-BAD")
                        .query(Long.class)
                        .single())
                .isZero();

        // Units neither draft nor publish annual plans, nor see the dashboard's tree.
        assertThat(Http.as(rest, UNIT)
                        .get("/api/plans/" + parent + "/annual-draft?year=2024")
                        .status())
                .isEqualTo(403);
        assertThat(Http.as(rest, UNIT)
                        .postJson("/api/plans/" + parent + "/annual-plans", Map.of("year", 2024))
                        .status())
                .isEqualTo(403);
        assertThat(Http.as(rest, UNIT).get("/api/dashboard/plan-tree/" + parent).status())
                .isEqualTo(403);
        assertThat(office().get("/api/dashboard/plan-tree/NO-SUCH-PLAN").status())
                .isEqualTo(404);
    }

    private Http office() {
        return Http.as(rest, OFFICE);
    }

    @SuppressWarnings("unused")
    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(text -> texts.add(text.asText()));
        return texts;
    }
}
