package cn.duban.assessment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** Service task 对未完成年度目标任务启动问责: one accountability case per task of the year not closed. */
@Component("openAccountabilityForMissedTargetsDelegate")
class OpenAccountabilityForMissedTargetsDelegate implements JavaDelegate {

    private final Assessments assessments;

    OpenAccountabilityForMissedTargetsDelegate(Assessments assessments) {
        this.assessments = assessments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        assessments.openAccountabilityForMissedTargets(
                (Integer) execution.getVariable(AnnualAssessmentProcess.YEAR),
                ClockUtil.getCurrentTime().toInstant());
    }
}
