package cn.duban.plan;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.identity.DubanGroups;
import cn.duban.plantask.PlanTaskProcess;
import cn.duban.support.DubanTest;
import cn.duban.support.Http;
import cn.duban.support.Orders;
import cn.duban.support.TableCounts;
import cn.duban.support.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;

/** Importing plan files through {@code POST /api/plans}: the bundled 2017 plan, and every kind of bad file. */
@DubanTest
class PlanImportIT {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    TestUsers users;

    @Autowired
    TableCounts tables;

    @Autowired
    TaskService taskService;

    @Autowired
    JdbcClient jdbc;

    private Http office;

    @BeforeEach
    void supervisionOffice() {
        office = Http.as(rest, users.member("import-office", DubanGroups.SUPERVISION_OFFICE));
    }

    @Test
    void theBundled2017PlanDispatchesElevenTasksToTheirLeadUnits() throws IOException {
        Http.Response response = office.postYaml("/api/plans", resource("plans/changji-2017-soil-work-plan.yaml"));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().path("taskCount").asInt()).isEqualTo(11);
        Map<String, List<String>> expectedLeads = Map.ofEntries(
                Map.entry("CJ-2017-SOIL-01", List.of("ecology-environment")),
                Map.entry("CJ-2017-SOIL-02", List.of("ecology-environment")),
                Map.entry("CJ-2017-SOIL-03", List.of("ecology-environment")),
                Map.entry("CJ-2017-SOIL-04", List.of("ecology-environment")),
                Map.entry("CJ-2017-SOIL-05", List.of("agriculture-rural", "ecology-environment")),
                Map.entry("CJ-2017-SOIL-06", List.of("natural-resources")),
                Map.entry("CJ-2017-SOIL-07", List.of("natural-resources", "agriculture-rural")),
                Map.entry("CJ-2017-SOIL-08", List.of("ecology-environment", "development-reform", "industry-it")),
                Map.entry(
                        "CJ-2017-SOIL-09",
                        List.of("discipline-inspection", "performance-office", "ecology-environment")),
                Map.entry("CJ-2017-SOIL-10", List.of("ecology-environment")),
                Map.entry("CJ-2017-SOIL-11", List.of("publicity")));
        expectedLeads.forEach((code, leads) -> {
            Task claim = taskService
                    .createTaskQuery()
                    .processDefinitionKey(PlanTaskProcess.KEY)
                    .processInstanceBusinessKey(code)
                    .singleResult();
            assertThat(claim.getTaskDefinitionKey()).as(code).isEqualTo(PlanTaskProcess.CLAIM_TASK);
            assertThat(candidateGroups(claim))
                    .as(code + ": the first listed lead signs and consolidates")
                    .containsExactly(leads.get(0));
            assertThat(taskService.getVariable(claim.getId(), "leadUnits"))
                    .as(code + ": every lead, in the order written")
                    .isEqualTo(String.join(",", leads));
        });
        assertThat(jdbc.sql("""
                        select r.unit_id from duban.plan_task_unit r join duban.plan_task t on t.id = r.task_id
                        where t.code = 'CJ-2017-SOIL-01' and r.role = 'SUPPORT' order by r.position""").query(String.class).list())
                .as("2017 names resolve to today's units: 国土局→自然资源局, 农业局→农业农村局, 卫计委→卫健委")
                .containsExactly("finance", "natural-resources", "agriculture-rural", "animal-husbandry", "health");

        JsonNode plan = office.get("/api/plans/CJ-2017-SOIL").json();
        assertThat(plan.path("tasks")).hasSize(11);
        assertThat(plan.path("tasks").get(4).path("leadUnits").asText()).isEqualTo("州农业农村局、州生态环境局");

        Http.Response again = office.postYaml("/api/plans", resource("plans/changji-2017-soil-work-plan.yaml"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("detail").asText())
                .contains("CJ-2017-SOIL")
                .contains("已经导入过");
    }

    static Stream<Arguments> badFiles() {
        String good = """
                code: BAD-1
                title: 测试计划
                deadline: 2030-12-31
                tasks:
                  - code: BAD-1-01
                    title: 第一项
                    text: 第一项任务内容。
                    leadUnits: [州生态环境局]
                """;
        return Stream.of(
                Arguments.of(
                        "malformed YAML", "code: BAD-1\ntitle: \"未闭合的引号\ntasks:\n  - code: x\n", "文件", "不是有效的YAML"),
                Arguments.of("unknown unit", good + """
                          - code: BAD-1-02
                            title: 第二项
                            text: 第二项任务内容。
                            leadUnits: [州生态环境局]
                            supportUnits: 州财政局、州火星局
                        """, "BAD-1-02", "任务“BAD-1-02”的“配合单位”（supportUnits）：未知单位“州火星局”"),
                Arguments.of("missing lead", good + """
                          - code: BAD-1-02
                            title: 第二项
                            text: 第二项任务内容。
                        """, "BAD-1-02", "任务“BAD-1-02”的“牵头单位”（leadUnits）：缺少牵头单位"),
                Arguments.of(
                        "unparsable deadline", good + """
                          - code: BAD-1-02
                            title: 第二项
                            text: 第二项任务内容。
                            leadUnits: [州水利局]
                            deadline: 明年底
                        """, "BAD-1-02", "任务“BAD-1-02”的“完成时限”（deadline）：无法识别日期“明年底”"),
                Arguments.of(
                        "impossible date",
                        good.replace("deadline: 2030-12-31", "deadline: 2030-02-30"),
                        "计划",
                        "无法识别日期“2030-02-30”"),
                Arguments.of(
                        "unknown field", good.replace("title: 第一项", "titel: 第一项"), "tasks[1].titel", "不认识的字段“titel”"),
                Arguments.of("no tasks", "code: BAD-1\ntitle: 测试计划\n", "tasks", "计划中没有任务"),
                Arguments.of("empty file", "   \n", "文件", "计划文件是空的"),
                Arguments.of("duplicate task code", good + """
                          - code: BAD-1-01
                            title: 第二项
                            text: 第二项任务内容。
                            leadUnits: [州水利局]
                        """, "BAD-1-01", "与本文件中的另一项任务重复"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void aBadFileIsRefusedWith400NamingTheTaskAndFieldAndNothingIsWritten(
            String name, String yaml, String taskOrField, String message) {
        Map<String, Long> before = tables.snapshot();

        Http.Response response = office.postYaml("/api/plans", yaml);

        assertThat(response.status()).isEqualTo(400);
        JsonNode problem = response.json();
        assertThat(problem.path("title").asText()).isEqualTo("计划未导入");
        assertThat(problem.path("detail").asText()).contains(message);
        assertThat(problem.path("errors").toString()).contains(taskOrField);
        assertThat(tables.snapshot()).isEqualTo(before);
    }

    @Test
    void aFileThatIsNotUtf8IsRefused() {
        Map<String, Long> before = tables.snapshot();
        byte[] gbk = "code: GBK-1\ntitle: 测试计划\n".getBytes(Charset.forName("GBK"));
        ResponseEntity<String> response = rest.withBasicAuth("import-office", TestUsers.PASSWORD)
                .postForEntity("/api/plans", new HttpEntity<>(gbk, yamlHeaders()), String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody()).contains("不是UTF-8编码");
        assertThat(tables.snapshot()).isEqualTo(before);
    }

    @Test
    void aPlanFileCanBeUploadedAsAFile() {
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        String code = Orders.freshCode("UP");
        form.add("file", new ByteArrayResource(("""
                code: %s
                title: 上传测试计划
                tasks:
                  - code: %s-01
                    title: 上传的任务
                    text: 上传的任务内容。
                    leadUnits: 州水利局
                    deadline: 2030年6月30日
                """.formatted(code, code)).getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "plan.yaml";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        headers.add("X-Requested-With", "curl");
        ResponseEntity<String> response = rest.withBasicAuth("import-office", TestUsers.PASSWORD)
                .postForEntity("/api/plans", new HttpEntity<>(form, headers), String.class);

        assertThat(response.getStatusCode().value()).isEqualTo(201);
        Task claim = taskService
                .createTaskQuery()
                .processInstanceBusinessKey(code + "-01")
                .singleResult();
        assertThat(candidateGroups(claim)).containsExactly("water-resources");
    }

    @Test
    void collectiveImplementingUnitsStandForEveryCountyCityAndPark() {
        String code = Orders.freshCode("IMPL");
        Http.Response response = office.postYaml("/api/plans", """
                code: %s
                title: 落实单位测试计划
                tasks:
                  - code: %s-01
                    title: 排查整治
                    text: 开展涉重金属污染源排查整治。
                    leadUnits: 州生态环境局
                    supportUnits: 州农业农村局、发改委
                    implementingUnits: 各县(市)人民政府、园区管委会
                    deadline: 2030-12-31
                """.formatted(code, code));

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(jdbc.sql("""
                        select r.unit_id from duban.plan_task_unit r join duban.plan_task t on t.id = r.task_id
                        where t.code = ? and r.role = 'IMPLEMENTING' order by r.position""").param(code + "-01").query(String.class).list())
                .containsExactly(
                        "changji-city",
                        "fukang-city",
                        "hutubi-county",
                        "manas-county",
                        "qitai-county",
                        "jimsar-county",
                        "mori-county",
                        "zhundong-park",
                        "changji-hightech-park",
                        "changji-agritech-park");

        Http lead = Http.as(rest, users.member("import-ecology", Orders.ECOLOGY.id()));
        JsonNode progress =
                lead.get("/api/plan-tasks/" + code + "-01/local-progress").json();
        assertThat(progress).hasSize(10);
        assertThat(progress.get(0).path("unitName").asText()).isEqualTo("昌吉市人民政府");
        assertThat(progress.get(0).path("reported").asBoolean()).isFalse();
        Http support = Http.as(rest, users.member("import-agriculture", "agriculture-rural"));
        assertThat(support.get("/api/plan-tasks/" + code + "-01/local-progress").status())
                .as("a support unit does not consolidate")
                .isEqualTo(403);
    }

    @Test
    void onlyTheSupervisionOfficeImports() {
        Map<String, Long> before = tables.snapshot();
        Http leadUnit = Http.as(rest, users.member("import-ecology", Orders.ECOLOGY.id()));
        Http.Response response = leadUnit.postYaml("/api/plans", "code: X\n");
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().path("detail").asText()).contains("无权");
        assertThat(Http.anonymous(rest).postYaml("/api/plans", "code: X\n").status())
                .isEqualTo(401);
        assertThat(tables.snapshot()).isEqualTo(before);
    }

    private List<String> candidateGroups(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream()
                .map(IdentityLink::getGroupId)
                .filter(id -> id != null)
                .toList();
    }

    private static HttpHeaders yamlHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("application/yaml"));
        return headers;
    }

    private static String resource(String path) throws IOException {
        return new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
    }
}
