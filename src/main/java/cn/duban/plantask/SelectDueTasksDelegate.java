package cn.duban.plantask;

import cn.duban.supervision.DailySweep;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * 选定当日待查任务 (ServiceTask_SelectDueTasks in daily-supervision.bpmn): the day to check (Beijing time), and the
 * batches of open tasks not checked that day yet, each named by its first task code ({@code batchStarts}, JSON).
 * {@code taskCodes} (comma-separated), when the process is started with it, limits the check to those tasks.
 */
@Component("selectDueTasksDelegate")
class SelectDueTasksDelegate implements JavaDelegate {

    static final String CHECK_DAY = "checkDay";
    static final String BATCH_STARTS = "batchStarts";
    static final String TASK_CODES = "taskCodes";

    private final DailySweep sweep;
    private final ZoneId zone;
    private final int batchSize;

    SelectDueTasksDelegate(
            DailySweep sweep,
            @Value("${duban.time-zone}") ZoneId zone,
            @Value("${duban.supervision.sweep-batch-size}") int batchSize) {
        this.sweep = sweep;
        this.zone = zone;
        this.batchSize = batchSize;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LocalDate day = ClockUtil.getCurrentTime().toInstant().atZone(zone).toLocalDate();
        List<String> starts = sweep.batchStarts(day, batchSize, onlyTasks(execution));
        execution.setVariable(CHECK_DAY, day.toString());
        execution.setVariable(
                BATCH_STARTS,
                Variables.objectValue(starts)
                        .serializationDataFormat(Variables.SerializationDataFormats.JSON)
                        .create());
    }

    static List<String> onlyTasks(DelegateExecution execution) {
        Object codes = execution.getVariable(TASK_CODES);
        return codes == null || codes.toString().isBlank()
                ? List.of()
                : List.of(codes.toString().split("\\s*,\\s*"));
    }
}
