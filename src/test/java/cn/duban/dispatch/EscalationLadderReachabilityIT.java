package cn.duban.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.calendar.WorkingDayCalendar;
import cn.duban.identity.DubanGroups;
import cn.duban.plan.PlanImporter;
import cn.duban.supervision.EscalationLevel;
import cn.duban.supervision.SupervisionEvent;
import cn.duban.supervision.SupervisionRecord;
import cn.duban.supervision.SupervisionState;
import cn.duban.supervision.TaskSupervision;
import cn.duban.support.DailySupervisionRun;
import cn.duban.support.DubanTest;
import cn.duban.support.Http;
import cn.duban.support.Orders;
import cn.duban.support.TestUsers;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;

/**
 * Every rule of the escalation ladder ({@code processes/escalation-level.dmn}) fires for a task dispatched from a plan
 * file: whether a task is binding (约束性) comes from the dispatch alone (the file's {@code binding}, or the binding
 * indicator the task serves), never from the test. A rule added to the table without a way to reach it, or a
 * dispatch that stops writing the flag, fails here.
 */
@DubanTest
class EscalationLadderReachabilityIT {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    /** Tuesday 31 March 2026; the 正常 case is due on Friday 3 April, checked on the Saturday (清明节). */
    private static final LocalDate DEADLINE = LocalDate.of(2026, 3, 31);

    @Autowired
    PlanImporter importer;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    ManagementService managementService;

    @Autowired
    SupervisionRecord record;

    @Autowired
    WorkingDayCalendar calendar;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    TestUsers users;

    @Autowired
    DailySupervisionRun sweep;

    /** What a task goes through before its check: working days overdue, urges, earlier rectifications. */
    private record Scenario(String task, int overdue, int urged, int rectifications) {}

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void everyRuleOfTheLadderIsReachedByATaskAsItWasDispatched() throws IOException {
        String plan = Orders.freshCode("LADDER");
        ClockUtil.setCurrentTime(
                Date.from(LocalDate.of(2026, 3, 2).atTime(10, 0).atZone(BEIJING).toInstant()));
        importer.importPlan(planFile(plan).getBytes(StandardCharsets.UTF_8), "ladder-test");
        Http office = Http.as(rest, users.member("ladder-office", DubanGroups.SUPERVISION_OFFICE));

        Map<String, Boolean> binding = new LinkedHashMap<>();
        for (int i = 1; i <= 12; i++) {
            String task = plan + String.format("-%02d", i);
            Http.Response flag = office.get("/engine-rest/process-instance/" + instance(task) + "/variables/binding");
            assertThat(flag.status())
                    .as("%s: the binding flag is written at dispatch", task)
                    .isEqualTo(200);
            binding.put(task, flag.json().path("value").asBoolean());
        }
        assertThat(binding.values())
                .containsExactly(false, false, false, true, false, false, true, false, false, true, false, false);

        List<Scenario> scenarios = List.of(
                new Scenario(plan + "-01", 60, 0, 0), new Scenario(plan + "-02", 30, 0, 2),
                new Scenario(plan + "-03", 30, 0, 1), new Scenario(plan + "-04", 15, 3, 0),
                new Scenario(plan + "-05", 15, 3, 0), new Scenario(plan + "-06", 10, 2, 0),
                new Scenario(plan + "-07", 1, 0, 1), new Scenario(plan + "-08", 5, 0, 0),
                new Scenario(plan + "-09", 1, 1, 0), new Scenario(plan + "-10", 1, 0, 0),
                new Scenario(plan + "-11", 1, 0, 0), new Scenario(plan + "-12", 0, 0, 0));
        TreeSet<String> reached = new TreeSet<>();
        for (Scenario scenario : scenarios) {
            reached.add(reachedRule(scenario, office));
        }

        assertThat(reached).as("the rules dispatched tasks reach").containsExactlyInAnyOrderElementsOf(rules());
    }

    /** The rule the task's first check after the deadline decided, as the DMN describes it ("预警：约束性任务逾期"). */
    private String reachedRule(Scenario scenario, Http office) {
        String instance = instance(scenario.task());
        for (int i = 0; i < scenario.urged(); i++) {
            assertThat(office.postJson("/api/plan-tasks/" + scenario.task() + "/urges", Map.of("message", "请加快办理进度"))
                            .status())
                    .isEqualTo(200);
        }
        if (scenario.rectifications() > 0) {
            // What 限期整改 counts (ReviewDecisionListener); going through inspection n times adds nothing here.
            runtimeService.setVariable(instance, "returnCount", scenario.rectifications());
        }
        LocalDate deadline = record.find(scenario.task()).orElseThrow().deadline();
        LocalDate day =
                scenario.overdue() == 0 ? deadline.plusDays(1) : calendar.plusWorkingDays(deadline, scenario.overdue());
        ClockUtil.setCurrentTime(Date.from(day.atTime(9, 0).atZone(BEIJING).toInstant()));
        sweep.now(scenario.task());

        TaskSupervision checked = record.find(scenario.task()).orElseThrow();
        assertThat(checked.state()).isEqualTo(SupervisionState.OVERDUE);
        assertThat(checked.workingDaysOverdue()).as(scenario.task()).isEqualTo(scenario.overdue());
        List<SupervisionEvent> escalations = record.events(scenario.task()).stream()
                .filter(event -> event.kind() == SupervisionEvent.Kind.ESCALATED)
                .toList();
        if (escalations.isEmpty()) {
            assertThat(checked.escalationLevel()).isEqualTo(EscalationLevel.NONE);
            return EscalationLevel.NONE.chineseName() + "：未逾期";
        }
        String reason = escalations.get(escalations.size() - 1).reason();
        return reason.substring(0, reason.indexOf('（'));
    }

    /** Every rule of the deployed table, by its description. */
    private static List<String> rules() throws IOException {
        try (InputStream table = new ClassPathResource("processes/escalation-level.dmn").getInputStream()) {
            List<String> rules = Dmn.readModelFromStream(table).getModelElementsByType(Rule.class).stream()
                    .map(rule -> rule.getDescription().getTextContent().strip())
                    .toList();
            assertThat(rules).hasSize(12);
            return rules;
        }
    }

    private String instance(String task) {
        return runtimeService
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(task)
                .singleResult()
                .getId();
    }

    /**
     * Twelve tasks: 04 and 10 binding by the file, 07 by the binding indicator it serves (农村生活污水治理率), 05 names
     * that indicator too but the file says it is not binding, 08 serves an expected indicator (化肥使用量).
     */
    private static String planFile(String plan) {
        StringBuilder file = new StringBuilder("""
                code: %s
                title: 问责阶梯测试计划
                kind: FIVE_YEAR
                periodStart: 2021
                periodEnd: 2025
                deadline: %s
                indicators:
                  - {category: 农业农村生态环境, name: 农村生活污水治理率, target: 30%%左右, binding: true}
                  - {category: 农业农村生态环境, name: 化肥使用量, target: 减少, binding: false}
                tasks:
                """.formatted(plan, DEADLINE));
        for (int i = 1; i <= 12; i++) {
            String text = switch (i) {
                case 5, 7 -> "持续推进农村生活污水治理，完善设施运行管护。";
                case 8 -> "推进化肥使用减量增效。";
                default -> "开展第" + i + "项整治工作。";
            };
            file.append("""
                      - code: %s-%02d
                        title: 第%d项任务
                        text: %s
                        leadUnits: 州生态环境局
                    """.formatted(plan, i, i, text));
            if (i == 4 || i == 10) {
                file.append("    binding: true\n");
            }
            if (i == 5) {
                file.append("    binding: false\n");
            }
            if (i == 12) {
                file.append("    deadline: 2026-04-03\n");
            }
        }
        return file.toString();
    }
}
