package cn.duban.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.identity.DubanGroups;
import cn.duban.support.DubanTest;
import cn.duban.support.Http;
import cn.duban.support.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The indicators over HTTP as people use them: the supervision office names lead units, each lead unit reports
 * through Camunda's REST API (as Tasklist does), and the dashboard's list shows the latest values and which are off
 * track. The plan is the 14th Five-Year plan's table (2021–2025), so every reporting here is its last round.
 */
@DubanTest
class IndicatorApiIT {

    private static final String AGRICULTURE = "agriculture-rural";
    private static final String ECOLOGY = "ecology-environment";

    @Autowired
    TestRestTemplate rest;

    @Autowired
    TestUsers users;

    @Autowired
    IndicatorPlans plans;

    private Http office;
    private Http leader;
    private Http ecology;
    private Http agriculture;
    private String planCode;
    private List<Long> ids;

    @BeforeEach
    void thePlanAndItsPeople() {
        office = Http.as(rest, users.member("ind-api-office", DubanGroups.SUPERVISION_OFFICE));
        leader = Http.as(rest, users.member("ind-api-leader", DubanGroups.LEADERS));
        ecology = Http.as(rest, users.member("ind-api-ecology", ECOLOGY));
        agriculture = Http.as(rest, users.member("ind-api-agriculture", AGRICULTURE));
        planCode = plans.fiveYearPlan();
        ids = plans.indicatorIds(planCode);
    }

    @Test
    void theListShowsEachIndicatorsLatestValueAndWhetherItIsOffTrack() {
        assign(0, AGRICULTURE);
        assign(1, ECOLOGY);
        assign(2, ECOLOGY);
        assign(6, AGRICULTURE);
        assign(7, AGRICULTURE);
        report(agriculture, 0, 97, "2025-12-31");
        report(ecology, 1, 100, "2025-12-31");
        report(ecology, 2, 3, "2025-12-31");
        report(agriculture, 6, 82, "2023-07-02");
        report(agriculture, 7, 78, "2023-07-02");

        Http.Response response = office.get("/api/indicators?plan=" + planCode);

        assertThat(response.status()).isEqualTo(200);
        JsonNode list = response.json();
        assertThat(list).hasSize(8);
        assertThat(list)
                .extracting(
                        i -> i.path("name").asText(),
                        i -> i.path("status").asText(),
                        i -> i.path("statusText").asText())
                .containsExactly(
                        row("受污染耕地安全利用率", "OFF_TRACK", "偏离目标"),
                        row("城市地下水集中式饮用水水源水质达到或有优于Ⅲ类比例", "ON_TRACK", "正常"),
                        row("国家地下水环境质量考核点位水质目标", "UNKNOWN", "无法量化判断"),
                        row("化肥使用量", "NO_DATA", "未报送"),
                        row("农村环境整治村庄数量", "NO_DATA", "未报送"),
                        row("农村生活污水治理率", "NO_DATA", "未报送"),
                        row("废弃农膜回收利用率", "OFF_TRACK", "偏离目标"),
                        row("畜禽粪污综合利用率", "ON_TRACK", "正常"));

        JsonNode film = list.get(6);
        assertThat(film.path("id").asLong()).isEqualTo(ids.get(6));
        assertThat(film.path("planCode").asText()).isEqualTo(planCode);
        assertThat(film.path("planTitle").asText()).isEqualTo(IndicatorPlans.TITLE);
        assertThat(film.path("position").asInt()).isEqualTo(6);
        assertThat(film.path("category").asText()).isEqualTo("农业农村生态环境");
        assertThat(film.path("unit").asText()).isEqualTo("%");
        assertThat(film.path("baseline").asText()).isEqualTo("80%");
        assertThat(film.path("target").asText()).isEqualTo("≥85%");
        assertThat(film.path("binding").asBoolean()).isFalse();
        assertThat(film.path("source").asText()).startsWith("昌吉回族自治州国民经济");
        assertThat(film.path("leadUnitId").asText()).isEqualTo(AGRICULTURE);
        assertThat(film.path("leadUnitName").asText()).isEqualTo("州农业农村局");
        assertThat(film.path("latestValue").decimalValue()).isEqualByComparingTo("82");
        assertThat(film.path("latestAsOf").asText()).isEqualTo("2023-07-02");
        assertThat(film.path("latestReportedAt").asText()).isNotEmpty();
        assertThat(film.path("expectedValue").decimalValue()).isEqualByComparingTo("82.4986");
        assertThat(film.path("statusReason").asText()).isEqualTo("截至2023年7月2日应不低于82.5，实际为82");
        JsonNode unassigned = list.get(3);
        assertThat(unassigned.path("leadUnitId").isNull()).isTrue();
        assertThat(unassigned.path("latestValue").isNull()).isTrue();
        assertThat(list.get(0).path("binding").asBoolean()).as("约束性").isTrue();

        assertThat(leader.get("/api/indicators?plan=" + planCode).json()).hasSize(8);
    }

    @Test
    void theHistoryListsEveryValueTheLatestDateFirst() {
        assign(6, AGRICULTURE);
        report(agriculture, 6, 82, "2023-07-02");
        assign(6, ECOLOGY);
        report(ecology, 6, 84.25, "2024-12-31");

        JsonNode values =
                office.get("/api/indicators/" + ids.get(6) + "/values").json();

        assertThat(values)
                .extracting(
                        v -> v.path("value").decimalValue().toPlainString(),
                        v -> v.path("asOf").asText(),
                        v -> v.path("unitName").asText(),
                        v -> v.path("reportedBy").asText())
                .containsExactly(
                        row("84.25", "2024-12-31", "州生态环境局", "ind-api-ecology"),
                        row("82", "2023-07-02", "州农业农村局", "ind-api-agriculture"));
        assertThat(ecology.get("/api/indicators/" + ids.get(6) + "/values").status())
                .as("its lead unit")
                .isEqualTo(200);
        Http.Response other = agriculture.get("/api/indicators/" + ids.get(6) + "/values");
        assertThat(other.status()).as("no longer its lead unit").isEqualTo(403);
        assertThat(other.json().path("detail").asText()).isEqualTo("只有牵头单位、督查办和领导可以查看指标的报送记录");
    }

    @Test
    void aBadValueOverRestIsRefusedInChineseAndNothingIsKept() {
        assign(0, AGRICULTURE);
        String task = taskOf(agriculture, 0);

        Http.Response refused = agriculture.postJson(
                "/engine-rest/task/" + task + "/complete",
                Http.variables(Map.of("indicatorValue", 120, "asOfDate", "2025-12-31")));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("message").asText()).contains("“本期数值”是百分比，应在0至100之间");
        assertThat(plans.valueCount(ids.get(0))).isZero();
        assertThat(taskOf(agriculture, 0)).isEqualTo(task);
    }

    @Test
    void theLeadUnitSeesTheFormAndAnotherUnitSeesNoTask() {
        assign(0, AGRICULTURE);
        String task = taskOf(agriculture, 0);

        Http.Response form = agriculture.get("/engine-rest/task/" + task + "/deployed-form");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.json().path("id").asText()).isEqualTo("indicator-report");
        assertThat(ecology.get("/engine-rest/task?processInstanceBusinessKey=" + ids.get(0))
                        .json())
                .isEmpty();
        assertThat(ecology.postJson(
                                "/engine-rest/task/" + task + "/complete",
                                Http.variables(Map.of("indicatorValue", 99, "asOfDate", "2025-12-31")))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void onlyTheSupervisionOfficeNamesLeadUnitsAndOnlyUnitsItKnows() {
        Http.Response unknown = office.putJson(leadUnit(0), Map.of("unitId", "mars-bureau"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("detail").asText()).startsWith("未知单位“mars-bureau”");
        Http.Response collective = office.putJson(leadUnit(0), Map.of("unitId", "env-committee-members"));
        assertThat(collective.status()).isEqualTo(400);
        assertThat(collective.json().path("detail").asText()).contains("是多个单位的统称");
        assertThat(office.putJson(leadUnit(0), Map.of()).json().path("detail").asText())
                .startsWith("请指定牵头单位");
        assertThat(office.putJson("/api/indicators/999999999/lead-unit", Map.of("unitId", ECOLOGY))
                        .status())
                .isEqualTo(404);

        Http.Response byUnit = ecology.putJson(leadUnit(0), Map.of("unitId", ECOLOGY));
        assertThat(byUnit.status()).isEqualTo(403);
        assertThat(byUnit.json().path("detail").asText()).contains("无权执行此操作");
        assertThat(leader.putJson(leadUnit(0), Map.of("unitId", ECOLOGY)).status())
                .isEqualTo(403);

        Http.Response assigned = office.putJson(leadUnit(0), Map.of("unitId", ECOLOGY));
        assertThat(assigned.status()).isEqualTo(200);
        assertThat(assigned.json().path("leadUnitName").asText()).isEqualTo("州生态环境局");
        assertThat(assigned.json().path("status").asText()).isEqualTo("NO_DATA");
    }

    @Test
    void aUnitUserMayNotReadTheList() {
        Http.Response response = ecology.get("/api/indicators?plan=" + planCode);

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().path("detail").asText()).contains("无权执行此操作");
        assertThat(Http.anonymous(rest).get("/api/indicators?plan=" + planCode).status())
                .isEqualTo(401);
        Http.Response unknownPlan = office.get("/api/indicators?plan=NO-SUCH-PLAN");
        assertThat(unknownPlan.status()).isEqualTo(404);
        assertThat(unknownPlan.json().path("detail").asText()).isEqualTo("没有编号为“NO-SUCH-PLAN”的计划");
    }

    private void assign(int position, String unitId) {
        assertThat(office.putJson(leadUnit(position), Map.of("unitId", unitId)).status())
                .isEqualTo(200);
    }

    private String leadUnit(int position) {
        return "/api/indicators/" + ids.get(position) + "/lead-unit";
    }

    private String taskOf(Http unit, int position) {
        JsonNode tasks = unit.get("/engine-rest/task?processInstanceBusinessKey=" + ids.get(position))
                .json();
        assertThat(tasks).hasSize(1);
        return tasks.get(0).path("id").asText();
    }

    private void report(Http unit, int position, Number value, String asOf) {
        Map<String, Object> values = new HashMap<>(Map.of("indicatorValue", value, "asOfDate", asOf));
        Http.Response response =
                unit.postJson("/engine-rest/task/" + taskOf(unit, position) + "/complete", Http.variables(values));
        assertThat(response.status()).as(response.body()).isEqualTo(204);
    }

    private static org.assertj.core.groups.Tuple row(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }
}
