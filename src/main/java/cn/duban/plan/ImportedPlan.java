package cn.duban.plan;

import java.time.LocalDate;
import java.util.List;

/** The answer to a successful import: the plan and one dispatched process instance per task. */
public record ImportedPlan(String code, String title, int taskCount, List<DispatchedTask> tasks) {

    public record DispatchedTask(
            String code, String title, List<String> leadUnits, LocalDate deadline, String processInstanceId) {}
}
