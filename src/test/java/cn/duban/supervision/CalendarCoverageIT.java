package cn.duban.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.calendar.CalendarCorrection;
import cn.duban.calendar.CalendarDayCorrection;
import cn.duban.dispatch.PlanTaskDispatcher;
import cn.duban.dispatch.ReportCycle;
import cn.duban.dispatch.TaskDispatchOrder;
import cn.duban.identity.DubanGroups;
import cn.duban.support.DubanTest;
import cn.duban.support.Http;
import cn.duban.support.Orders;
import cn.duban.support.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * A year whose holidays nobody has (neither the library nor the office) is never silent: due dates count Monday to
 * Friday, and the task, the dashboard and the health check say "该年度节假日安排未导入" until the office imports it.
 */
@DubanTest
class CalendarCoverageIT {

    /** No library carries 2035, and no test imports it. */
    private static final LocalDate DEADLINE_2035 = LocalDate.of(2035, 6, 29);

    @Autowired
    PlanTaskDispatcher dispatcher;

    @Autowired
    TaskService taskService;

    @Autowired
    CalendarCorrection correction;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    TestUsers users;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aDueDateInAYearWithoutHolidaysShowsTheWarningOnTheTaskAndTheDashboard() {
        String code = Orders.freshCode("CAL");
        String instanceId = dispatcher.dispatch(new TaskDispatchOrder(
                "CAL-PLAN",
                "日历测试计划",
                code,
                null,
                "远期任务",
                "2035年前完成。",
                List.of(Orders.ECOLOGY),
                List.of(),
                List.of(),
                DEADLINE_2035,
                ReportCycle.QUARTERLY));

        Task claim = taskService.createTaskQuery().processInstanceId(instanceId).singleResult();
        assertThat(claim.getDescription())
                .as("the unit's task in Tasklist")
                .startsWith("注意：2035年：该年度节假日安排未导入，工作日暂按周一至周五计算。");

        Http office = Http.as(rest, users.member("calendar-coverage-office", DubanGroups.SUPERVISION_OFFICE));
        JsonNode dossier = office.get("/api/dashboard/tasks/" + code).json();
        assertThat(dossier.path("calendarNotice").asText()).isEqualTo("2035年：该年度节假日安排未导入，工作日暂按周一至周五计算");
        JsonNode overview = office.get("/api/dashboard/overview?plan=CAL-PLAN").json();
        assertThat(overview.path("calendarNotices")
                        .get(overview.path("calendarNotices").size() - 1)
                        .asText())
                .startsWith("2035年：该年度节假日安排未导入")
                .contains("项未销号任务的完成时限在该年");

        JsonNode known = office.get("/api/dashboard/tasks/" + knownYearTask()).json();
        assertThat(known.path("calendarNotice").isNull()
                        || known.path("calendarNotice").isMissingNode())
                .as("a year the library carries")
                .isTrue();
    }

    @Test
    void fromTheFirstOfDecemberBeijingTimeTheHealthCheckSaysTheComingYearIsMissingWithoutGoingDown() {
        Http admin = Http.as(rest, users.member("calendar-health-admin", DubanGroups.CAMUNDA_ADMIN));

        // 23:30 on 30 November in Beijing (15:30 UTC): 2026 is known, 2027 not watched yet.
        ClockUtil.setCurrentTime(at("2026-11-30T23:30:00+08:00"));
        assertThat(calendarHealth(admin).path("status").asText()).isEqualTo("UP");

        // 00:30 on 1 December in Beijing, still 30 November in UTC and New York.
        ClockUtil.setCurrentTime(at("2026-12-01T00:30:00+08:00"));
        JsonNode health = admin.get("/actuator/health").json();
        JsonNode calendar = health.path("components").path("workingCalendar");
        assertThat(calendar.path("status").asText()).isEqualTo("DEGRADED");
        assertThat(calendar.path("details").path("missingYears").get(0).asInt()).isEqualTo(2027);
        assertThat(calendar.path("details").path("notices").get(0).asText()).contains("2027年：该年度节假日安排未导入");
        assertThat(health.path("status").asText()).as("the node keeps serving").isEqualTo("UP");
        assertThat(Http.anonymous(rest).get("/actuator/health").status()).isEqualTo(200);

        try {
            correction.replaceYear(
                    2027,
                    List.of(new CalendarDayCorrection(LocalDate.of(2027, 1, 1), false, "元旦", null)),
                    "calendar-health-admin");
            assertThat(calendarHealth(admin).path("status").asText())
                    .as("imported by the office")
                    .isEqualTo("UP");
        } finally {
            correction.withdrawYear(2027);
        }
    }

    private String knownYearTask() {
        String code = Orders.freshCode("CAL");
        dispatcher.dispatch(new TaskDispatchOrder(
                "CAL-PLAN",
                "日历测试计划",
                code,
                null,
                "近期任务",
                "2026年底前完成。",
                List.of(Orders.ECOLOGY),
                List.of(),
                List.of(),
                LocalDate.of(2026, 12, 31),
                ReportCycle.QUARTERLY));
        return code;
    }

    private static JsonNode calendarHealth(Http admin) {
        return admin.get("/actuator/health").json().path("components").path("workingCalendar");
    }

    private static Date at(String time) {
        return Date.from(OffsetDateTime.parse(time).toInstant());
    }
}
