package cn.duban.plantask;

import cn.duban.supervision.DeadlineCheck;
import cn.duban.supervision.SupervisionEvent;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * 记录牵头部分逾期 (ServiceTask_RecordLateCoLeadPart): a co-lead's part was not in by its due date; the task's
 * supervision record names that unit (逾期未报, counted like an overdue item) and the lead units are told.
 */
@Component("recordLateCoLeadPartDelegate")
class RecordLateCoLeadPartDelegate implements JavaDelegate {

    private final CoLeadParts parts;
    private final DeadlineCheck deadlineCheck;

    RecordLateCoLeadPartDelegate(CoLeadParts parts, DeadlineCheck deadlineCheck) {
        this.parts = parts;
        this.deadlineCheck = deadlineCheck;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String unitName = parts.unitName((String) execution.getVariable(PlanTaskVariables.CO_LEAD_UNIT));
        deadlineCheck.recordStep(
                (String) execution.getVariable(PlanTaskVariables.TASK_CODE),
                SupervisionEvent.Kind.PROGRESS_REPORT_MISSED,
                unitName + "未按期报送牵头部分，请抓紧报送",
                null,
                ClockUtil.getCurrentTime().toInstant());
    }
}
