package cn.duban.plantask;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * 检查时限与问责等级 (ServiceTask_SuperviseBatch in daily-supervision.bpmn, one job per batch): the batch's code range
 * ({@code batch}), checked on the sweep's day.
 */
@Component("superviseBatchDelegate")
class SuperviseBatchDelegate implements JavaDelegate {

    private final DailySupervisionBatch batch;

    SuperviseBatchDelegate(DailySupervisionBatch batch) {
        this.batch = batch;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // The batch's own (local) variable: the batches' jobs run side by side and share no variable they change.
        String range = (String) execution.getVariable(SelectDueTasksDelegate.BATCH);
        int bar = range.indexOf(SelectDueTasksDelegate.RANGE);
        String next = range.substring(bar + 1);
        batch.run(
                range.substring(0, bar),
                next.isEmpty() ? null : next,
                LocalDate.parse((String) execution.getVariable(SelectDueTasksDelegate.CHECK_DAY)),
                SelectDueTasksDelegate.scope(execution),
                ClockUtil.getCurrentTime().toInstant());
    }
}
