package cn.duban.plantask;

import java.util.Collection;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The steps of plan-task during which the task is with the units (and so can be late, be extended, and owes
 * progress reports); for the model: {@code ${unitSteps.isWithUnits(execution)}}.
 */
@Component("unitSteps")
public class UnitSteps {

    static final Set<String> WITH_UNITS = Set.of(
            PlanTaskProcess.CLAIM_TASK,
            PlanTaskProcess.CONTRIBUTE,
            PlanTaskProcess.REPORT_LOCAL_PROGRESS,
            PlanTaskProcess.REPORT_RESULT);

    public boolean isWithUnits(DelegateExecution execution) {
        return isWithUnits(execution
                .getProcessEngineServices()
                .getRuntimeService()
                .getActiveActivityIds(execution.getProcessInstanceId()));
    }

    static boolean isWithUnits(Collection<String> activeActivityIds) {
        return activeActivityIds.stream().anyMatch(WITH_UNITS::contains);
    }
}
