package cn.duban.assessment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** Service task 向领导发布考核排名: the ranking becomes the leaders' to read, and they are told. */
@Component("publishRankingDelegate")
class PublishRankingDelegate implements JavaDelegate {

    private final Assessments assessments;

    PublishRankingDelegate(Assessments assessments) {
        this.assessments = assessments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        assessments.markPublished(
                (Integer) execution.getVariable(AnnualAssessmentProcess.YEAR),
                (String) execution.getVariable(AnnualAssessmentProcess.PUBLISHED_BY),
                ClockUtil.getCurrentTime().toInstant());
    }
}
