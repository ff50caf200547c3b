package cn.duban.assessment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** Service task 计算各单位考核得分: scores and ranks the year's units from the record. */
@Component("scoreUnitsDelegate")
class ScoreUnitsDelegate implements JavaDelegate {

    private final Assessments assessments;

    ScoreUnitsDelegate(Assessments assessments) {
        this.assessments = assessments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        assessments.scoreYear(
                (Integer) execution.getVariable(AnnualAssessmentProcess.YEAR),
                ClockUtil.getCurrentTime().toInstant());
    }
}
