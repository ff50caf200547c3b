package cn.duban.plan;

/**
 * One thing wrong with a plan file.
 *
 * @param task    the task's code (or its position when it has none); "计划" for the plan itself
 * @param field   the field of the plan file, as written in the file
 * @param message what is wrong, in Chinese, naming the task and the field
 */
public record ImportProblem(String task, String field, String message) {

    public static final String PLAN = "计划";

    public static ImportProblem of(String task, String field, String fieldLabel, String problem) {
        String where = PLAN.equals(task) ? "计划" : "任务“" + task + "”";
        return new ImportProblem(task, field, where + "的“" + fieldLabel + "”（" + field + "）：" + problem);
    }
}
