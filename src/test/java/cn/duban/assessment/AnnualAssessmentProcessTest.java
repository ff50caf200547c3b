package cn.duban.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.dispatch.PlanTaskDispatcher;
import cn.duban.dispatch.ReportCycle;
import cn.duban.dispatch.TaskDispatchOrder;
import cn.duban.support.DubanTest;
import cn.duban.support.Orders;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The annual-assessment process on the engine: the year's end (its timer, Beijing time) closes the year by itself. */
@DubanTest
class AnnualAssessmentProcessTest {

    @Autowired
    Assessments assessments;

    @Autowired
    PlanTaskDispatcher dispatcher;

    @Autowired
    ManagementService managementService;

    @Autowired
    RuntimeService runtimeService;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theYearsEndScoresTheYearAndOpensAccountabilityForTheTaskNotClosed() {
        String plan = Orders.freshCode("ASSESS-TIMER");
        AssessmentScenario.at(LocalDate.of(2033, 1, 10));
        dispatcher.dispatch(new TaskDispatchOrder(
                plan,
                "考核定时测试计划",
                plan + "-01",
                "一、测试",
                "年度目标任务",
                "完成年度目标任务。",
                List.of(Orders.ECOLOGY),
                List.of(),
                List.of(),
                LocalDate.of(2033, 6, 30),
                ReportCycle.QUARTERLY));
        AssessmentYear year = assessments.open(2033, List.of(plan), null, "tester");
        String instance = runtimeService
                .createProcessInstanceQuery()
                .processInstanceBusinessKey("assessment-2033")
                .singleResult()
                .getId();

        Job yearEnd = managementService
                .createJobQuery()
                .processInstanceId(instance)
                .timers()
                .singleResult();
        // 1 January 2034, 00:00 in Beijing, whatever the JVM's zone.
        assertThat(yearEnd.getDuedate().toInstant().toString()).isEqualTo("2033-12-31T16:00:00Z");
        assertThat(year.state()).isEqualTo("OPEN");

        AssessmentScenario.at(LocalDate.of(2034, 1, 1));
        managementService.executeJob(yearEnd.getId());

        AssessmentYear scored = assessments.year(2033);
        assertThat(scored.state()).isEqualTo("SCORED");
        assertThat(scored.accountabilityOpened())
                .singleElement()
                .satisfies(opened -> assertThat(opened.taskCode()).isEqualTo(plan + "-01"));
        // 60 + 0 (0/1 on time) − 0.5 × 131 working days (1 July to 31 December 2033) → 0
        assertThat(assessments.ranking(2033)).singleElement().satisfies(unit -> {
            assertThat(unit.unitId()).isEqualTo("ecology-environment");
            assertThat(unit.facts().overdueWorkingDays()).isEqualTo(131);
            assertThat(unit.score()).isEqualByComparingTo("0");
        });
        // The instance now waits for the office to publish.
        assertThat(runtimeService
                        .createEventSubscriptionQuery()
                        .processInstanceId(instance)
                        .singleResult()
                        .getEventName())
                .isEqualTo("Msg_PublishRanking");
    }
}
