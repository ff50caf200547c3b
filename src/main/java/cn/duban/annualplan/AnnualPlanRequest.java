package cn.duban.annualplan;

import java.util.List;

/**
 * The annual plan the office publishes: the year, optionally its own code and title (default: the draft's), and the
 * parent's tasks it picked, each with a yearly target (年度目标) and a deadline within the year (default: the draft's).
 */
public record AnnualPlanRequest(Integer year, String code, String title, List<PickedTask> tasks) {

    public record PickedTask(String parentTaskCode, String yearlyTarget, String deadline) {}
}
