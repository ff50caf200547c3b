package cn.duban.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.support.DubanTest;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The escalation ladder ({@code processes/escalation-level.dmn}), one case per rule, on the deployed decision: as the
 * engine's decision service evaluates it, and as the daily check does (in memory, {@link EscalationDecision}).
 */
@DubanTest
class EscalationLevelDecisionTest {

    @Autowired
    DecisionService decisionService;

    @Autowired
    EscalationDecision escalation;

    @ParameterizedTest(name = "{0} working days overdue, urged {1}x, binding {2}, {3} rectifications -> {5}")
    @CsvSource({
        // overdue, urged, binding, rectifications, level, levelName, reason, opensCase (one row per rule, in order)
        "60, 0, false, 0, ACCOUNTABILITY,       追责,     逾期60个工作日以上, true",
        "30, 0, false, 2, ACCOUNTABILITY,       追责,     逾期30个工作日以上且此前已两次以上限期整改, true",
        "30, 0, false, 1, ADMONITORY_TALK,      约谈,     逾期30个工作日以上, true",
        "15, 3, true,  0, ADMONITORY_TALK,      约谈,     约束性任务逾期15个工作日以上且催办3次以上, true",
        "15, 3, false, 0, CIRCULATED_CRITICISM, 通报批评, 逾期15个工作日以上, true",
        "10, 2, false, 0, CIRCULATED_CRITICISM, 通报批评, 逾期10个工作日以上且催办2次以上, true",
        "1,  0, true,  1, CIRCULATED_CRITICISM, 通报批评, 约束性任务整改后再次逾期, true",
        "5,  0, false, 0, WARNING,              预警,     逾期5个工作日以上, false",
        "1,  1, false, 0, WARNING,              预警,     逾期且已被催办, false",
        "1,  0, true,  0, WARNING,              预警,     约束性任务逾期, false",
        "1,  0, false, 0, REMINDER,             提醒,     已逾期, false",
        "0,  5, true,  3, NONE,                 正常,     未逾期, false"
    })
    void eachRuleDecidesItsLevel(
            int overdue,
            int urged,
            boolean binding,
            int rectifications,
            String level,
            String levelName,
            String reason,
            boolean opensCase) {
        DmnDecisionResultEntries result = decide(overdue, urged, binding, rectifications);

        assertThat((String) result.getEntry("level")).isEqualTo(level);
        assertThat((String) result.getEntry("levelName"))
                .isEqualTo(levelName)
                .isEqualTo(EscalationLevel.valueOf(level).chineseName());
        assertThat((String) result.getEntry("reason")).isEqualTo(reason);
        assertThat((Boolean) result.getEntry("opensCase"))
                .as("opens an accountability case")
                .isEqualTo(opensCase);
        for (int asked = 0; asked < 2; asked++) {
            assertThat(escalation.decide(overdue, urged, binding, rectifications))
                    .as("the daily check's evaluation, first and remembered")
                    .isEqualTo(new EscalationDecision.Decided(
                            EscalationLevel.valueOf(level), levelName, reason, opensCase));
        }
    }

    @Test
    void theLadderOnlyRisesAsATaskStaysOverdue() {
        EscalationLevel previous = EscalationLevel.NONE;
        for (int overdue = 0; overdue <= 70; overdue++) {
            EscalationLevel level =
                    EscalationLevel.valueOf(decide(overdue, 0, false, 0).getEntry("level"));
            assertThat(level).as("%d working days overdue", overdue).isGreaterThanOrEqualTo(previous);
            previous = level;
        }
        assertThat(previous).isEqualTo(EscalationLevel.ACCOUNTABILITY);
    }

    private DmnDecisionResultEntries decide(int overdue, int urged, boolean binding, int rectifications) {
        return decisionService
                .evaluateDecisionByKey("escalation-level")
                .variables(Map.of(
                        "workingDaysOverdue",
                        overdue,
                        "timesUrged",
                        urged,
                        "binding",
                        binding,
                        "earlierRectifications",
                        rectifications))
                .evaluate()
                .getSingleResult();
    }

    @Test
    void aRecordedLevelNeverGoesDownByItself() {
        assertThat(EscalationLevel.ADMONITORY_TALK.raisedTo(EscalationLevel.WARNING))
                .isEqualTo(EscalationLevel.ADMONITORY_TALK);
        assertThat(EscalationLevel.WARNING.raisedTo(EscalationLevel.ACCOUNTABILITY))
                .isEqualTo(EscalationLevel.ACCOUNTABILITY);
    }
}
