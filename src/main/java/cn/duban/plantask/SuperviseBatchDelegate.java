package cn.duban.plantask;

import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * 分批检查时限与问责等级 (ServiceTask_SuperviseBatch in daily-supervision.bpmn, one job per batch): the batch from its
 * first task code to the next batch's, checked on the sweep's day.
 */
@Component("superviseBatchDelegate")
class SuperviseBatchDelegate implements JavaDelegate {

    private final DailySupervisionBatch batch;

    SuperviseBatchDelegate(DailySupervisionBatch batch) {
        this.batch = batch;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void execute(DelegateExecution execution) {
        List<String> starts = (List<String>) execution.getVariable(SelectDueTasksDelegate.BATCH_STARTS);
        int index = ((Number) execution.getVariable("loopCounter")).intValue();
        batch.run(
                starts.get(index),
                index + 1 < starts.size() ? starts.get(index + 1) : null,
                LocalDate.parse((String) execution.getVariable(SelectDueTasksDelegate.CHECK_DAY)),
                SelectDueTasksDelegate.scope(execution),
                ClockUtil.getCurrentTime().toInstant());
    }
}
