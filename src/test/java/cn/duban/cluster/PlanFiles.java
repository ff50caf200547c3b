package cn.duban.cluster;

import java.time.LocalDate;
import java.util.List;

/** Plan files (YAML, as the supervision office imports them) with many tasks. */
final class PlanFiles {

    private PlanFiles() {}

    /** {@code tasks} tasks, led in turn by the given units (as the plan writes them), all due on {@code deadline}. */
    static String plan(String code, int tasks, List<String> leadUnitNames, LocalDate deadline) {
        StringBuilder yaml = new StringBuilder()
                .append("code: ")
                .append(code)
                .append('\n')
                .append("title: 集群测试工作方案")
                .append(code)
                .append('\n')
                .append("tasks:\n");
        for (int i = 1; i <= tasks; i++) {
            yaml.append("  - code: ")
                    .append(taskCode(code, i))
                    .append('\n')
                    .append("    title: 集群测试任务")
                    .append(i)
                    .append('\n')
                    .append("    text: 按期完成集群测试任务")
                    .append(i)
                    .append("，报送办理结果。\n")
                    .append("    leadUnits: ")
                    .append(leadUnitNames.get((i - 1) % leadUnitNames.size()))
                    .append('\n')
                    .append("    deadline: ")
                    .append(deadline)
                    .append('\n');
        }
        return yaml.toString();
    }

    static String taskCode(String planCode, int number) {
        return planCode + "-" + String.format("%04d", number);
    }
}
