package cn.duban.supervision;

import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Service;

/** Asks the escalation ladder ({@code processes/escalation-level.dmn}) where an overdue task stands. */
@Service
class EscalationDecision {

    static final String DECISION_KEY = "escalation-level";

    private final DecisionService decisionService;

    EscalationDecision(DecisionService decisionService) {
        this.decisionService = decisionService;
    }

    Decided decide(int workingDaysOverdue, int timesUrged, boolean binding, int earlierRectifications) {
        DmnDecisionResultEntries result = decisionService.evaluateDecisionByKey(DECISION_KEY)
                .variables(Map.of("workingDaysOverdue", workingDaysOverdue, "timesUrged", timesUrged,
                        "binding", binding, "earlierRectifications", earlierRectifications))
                .evaluate()
                .getSingleResult();
        return new Decided(EscalationLevel.valueOf(result.getEntry("level")), result.getEntry("reason"));
    }

    record Decided(EscalationLevel level, String reason) {
    }
}
