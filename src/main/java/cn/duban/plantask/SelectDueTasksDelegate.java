package cn.duban.plantask;

import cn.duban.supervision.DailySweep;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * 选定当日待查任务 (ServiceTask_SelectDueTasks in daily-supervision.bpmn): the day to check (Beijing time), and the
 * batches of open tasks not checked that day yet ({@code batches}, JSON), each its code range: {@code first|next}, from
 * its first task code to the next batch's first (exclusive; empty for the last batch).
 * {@code taskCodes} (comma-separated) or {@code planCode}, when the process is started with one, limits the check to
 * those tasks or that plan's.
 */
@Component("selectDueTasksDelegate")
class SelectDueTasksDelegate implements JavaDelegate {

    static final String CHECK_DAY = "checkDay";
    static final String BATCHES = "batches";
    /** One batch (element variable of the multi-instance): its first task code | the next batch's first, or empty. */
    static final String BATCH = "batch";

    static final String RANGE = "|";
    static final String TASK_CODES = "taskCodes";
    static final String PLAN_CODE = "planCode";

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
        List<String> starts = sweep.batchStarts(day, batchSize, scope(execution));
        List<String> batches = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            batches.add(starts.get(i) + RANGE + (i + 1 < starts.size() ? starts.get(i + 1) : ""));
        }
        execution.setVariable(CHECK_DAY, day.toString());
        execution.setVariable(
                BATCHES,
                Variables.objectValue(batches)
                        .serializationDataFormat(Variables.SerializationDataFormats.JSON)
                        .create());
    }

    /** Every open task, unless the sweep was started for some tasks ({@code taskCodes}) or a plan ({@code planCode}). */
    static DailySweep.Scope scope(DelegateExecution execution) {
        Object codes = execution.getVariable(TASK_CODES);
        Object plan = execution.getVariable(PLAN_CODE);
        return new DailySweep.Scope(
                codes == null || codes.toString().isBlank()
                        ? List.of()
                        : List.of(codes.toString().split("\\s*,\\s*")),
                plan == null || plan.toString().isBlank() ? null : plan.toString());
    }
}
