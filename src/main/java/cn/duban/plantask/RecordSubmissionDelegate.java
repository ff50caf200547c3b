package cn.duban.plantask;

import cn.duban.supervision.DeadlineCheck;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * 登记上报 (ServiceTask_RecordSubmission): the lead unit reported its result, which takes the task out of the
 * units' hands. A report after the deadline that the daily check has not yet seen is checked first, as that check
 * would have done (the task turns 逾期 and climbs the ladder).
 */
@Component("recordSubmissionDelegate")
class RecordSubmissionDelegate implements JavaDelegate {

    private final InstanceDeadlineCheck check;
    private final DeadlineCheck deadlineCheck;

    RecordSubmissionDelegate(InstanceDeadlineCheck check, DeadlineCheck deadlineCheck) {
        this.check = check;
        this.deadlineCheck = deadlineCheck;
    }

    @Override
    public void execute(DelegateExecution execution) {
        check.lateReport(execution);
        deadlineCheck.submitted(
                (String) execution.getVariable(PlanTaskVariables.TASK_CODE),
                ClockUtil.getCurrentTime().toInstant());
    }
}
