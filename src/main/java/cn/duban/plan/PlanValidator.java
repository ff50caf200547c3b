package cn.duban.plan;

import cn.duban.identity.Unit;
import cn.duban.identity.UnitCatalog;
import cn.duban.identity.UnitDirectory;
import cn.duban.taskform.ChineseDates;
import cn.duban.taskform.PlainText;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Checks a plan file completely before anything is written, collecting every problem with the task and field it is
 * in: codes, titles, lead and support units (against the unit catalog, former names included) and deadlines.
 */
@Component
class PlanValidator {

    static final int MAX_TASKS = 2000;
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern UNIT_SEPARATORS = Pattern.compile("[、,，;；]");
    private static final String CODE_HINT = "只能用字母、数字、“-”“_”“.”，最长64个字符";

    private final UnitCatalog units;

    PlanValidator(UnitCatalog units) {
        this.units = units;
    }

    ValidatedPlan validate(PlanFile file) {
        UnitDirectory units = this.units.directory();
        List<ImportProblem> problems = new ArrayList<>();
        String plan = ImportProblem.PLAN;
        String code = requireCode(file.code(), plan, "code", "计划编号", problems);
        String title = requireText(file.title(), 200, plan, "title", "计划名称", problems);
        String issuer = optionalText(file.issuer(), 200, plan, "issuer", "印发单位", problems);
        LocalDate issuedOn = optionalDate(file.issuedOn(), plan, "issuedOn", "印发日期", problems);
        LocalDate planDeadline = optionalDate(file.deadline(), plan, "deadline", "默认完成时限", problems);
        String kind = kind(file.kind(), problems);
        String reportCycle = reportCycle(file.reportCycle(), problems);
        List<PlanFile.Task> fileTasks = file.tasks() == null ? List.of() : file.tasks();
        if (fileTasks.isEmpty()) {
            problems.add(ImportProblem.of(plan, "tasks", "任务", "计划中没有任务"));
        } else if (fileTasks.size() > MAX_TASKS) {
            problems.add(ImportProblem.of(plan, "tasks", "任务", "任务过多（最多" + MAX_TASKS + "项）"));
        }
        List<ValidatedPlan.Task> tasks = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < fileTasks.size() && i < MAX_TASKS; i++) {
            PlanFile.Task task = fileTasks.get(i);
            if (task == null) {
                problems.add(ImportProblem.of("第" + (i + 1) + "项", "tasks", "任务", "任务内容为空"));
                continue;
            }
            String name = task.code() == null || task.code().isBlank()
                    ? "第" + (i + 1) + "项"
                    : task.code().strip();
            String taskCode = requireCode(task.code(), name, "code", "任务编号", problems);
            if (taskCode != null && !codes.add(taskCode)) {
                problems.add(ImportProblem.of(name, "code", "任务编号", "与本文件中的另一项任务重复"));
            }
            List<Unit> leads = optionalUnits(units, task.leadUnits(), name, "leadUnits", "牵头单位", problems);
            List<Unit> responsible =
                    optionalUnits(units, task.responsibleUnits(), name, "responsibleUnits", "负责单位", problems);
            if (splitNames(task.leadUnits()).isEmpty()
                    && splitNames(task.responsibleUnits()).isEmpty()) {
                problems.add(ImportProblem.of(name, "leadUnits", "牵头单位", "缺少牵头单位"));
            }
            LocalDate taskDeadline = deadline(task.deadline(), planDeadline, issuedOn, name, problems);
            tasks.add(new ValidatedPlan.Task(
                    taskCode,
                    optionalText(task.section(), 200, name, "section", "所属部分", problems),
                    requireText(task.title(), 200, name, "title", "任务名称", problems),
                    requireText(task.text(), 20000, name, "text", "任务内容", problems),
                    leads,
                    responsible,
                    optionalUnits(units, task.supportUnits(), name, "supportUnits", "配合单位", problems),
                    Boolean.TRUE.equals(task.supportShareResponsibility()),
                    optionalUnits(units, task.implementingUnits(), name, "implementingUnits", "落实单位", problems),
                    optionalDate(task.startDate(), name, "startDate", "开始时间", problems),
                    taskDeadline,
                    task.targets() == null ? List.of() : List.copyOf(task.targets()),
                    task.binding() != null
                            ? task.binding()
                            : BindingIndicators.servesBindingIndicator(task.title(), task.text(), file.indicators()),
                    milestones(task.milestones(), taskDeadline, name, problems)));
            checkNoUnitBothLeadsAndSupports(tasks.get(tasks.size() - 1), name, problems);
        }
        List<PlanFile.Indicator> indicators = indicators(file.indicators(), problems);
        String sourceName = optionalText(file.sourceName(), 200, plan, "sourceName", "来源文件", problems);
        Integer dueSoon = workingDays(file.dueSoonWorkingDays(), "dueSoonWorkingDays", "临期提醒工作日数", problems);
        Integer overdueReminder =
                workingDays(file.overdueReminderWorkingDays(), "overdueReminderWorkingDays", "逾期提醒间隔工作日数", problems);
        if (!problems.isEmpty()) {
            throw PlanRejectedException.invalid(problems);
        }
        return new ValidatedPlan(
                code,
                title,
                issuer,
                issuedOn,
                kind,
                file.periodStart(),
                file.periodEnd(),
                reportCycle,
                sourceName,
                tasks,
                indicators,
                dueSoon,
                overdueReminder);
    }

    /** Each milestone has a date no later than the task's deadline, and words of at most 500 characters. */
    private static List<ValidatedPlan.Milestone> milestones(
            List<PlanFile.Milestone> written, LocalDate deadline, String task, List<ImportProblem> problems) {
        List<ValidatedPlan.Milestone> milestones = new ArrayList<>();
        for (PlanFile.Milestone milestone : written == null ? List.<PlanFile.Milestone>of() : written) {
            if (milestone == null || milestone.due() == null || milestone.due().isBlank()) {
                problems.add(ImportProblem.of(task, "milestones", "节点", "节点缺少完成日期"));
                continue;
            }
            LocalDate due = optionalDate(milestone.due(), task, "milestones", "节点", problems);
            String text = optionalText(milestone.text(), 500, task, "milestones", "节点", problems);
            if (due != null && deadline != null && due.isAfter(deadline)) {
                problems.add(ImportProblem.of(
                        task,
                        "milestones",
                        "节点",
                        "节点日期“" + ChineseDates.of(due) + "”晚于任务的完成时限“" + ChineseDates.of(deadline) + "”"));
            }
            if (due != null) {
                milestones.add(new ValidatedPlan.Milestone(due, text == null ? "" : text));
            }
        }
        return List.copyOf(milestones);
    }

    /** A reminder cadence of the plan, in working days: 1 to 30, or none (the configured default). */
    private static Integer workingDays(Integer written, String field, String label, List<ImportProblem> problems) {
        if (written != null && (written < 1 || written > 30)) {
            problems.add(ImportProblem.of(ImportProblem.PLAN, field, label, "应为1至30之间的整数（个工作日），现为" + written));
        }
        return written;
    }

    private static String kind(String written, List<ImportProblem> problems) {
        if (written == null || written.isBlank()) {
            return "OTHER";
        }
        String kind = written.strip().toUpperCase(Locale.ROOT);
        if (!List.of("ANNUAL", "FIVE_YEAR", "OTHER").contains(kind)) {
            problems.add(ImportProblem.of(
                    ImportProblem.PLAN,
                    "kind",
                    "计划类型",
                    "“" + written + "”不是有效的类型，应为 ANNUAL（年度）、FIVE_YEAR（五年规划）或 OTHER"));
        }
        return kind;
    }

    private static String reportCycle(String written, List<ImportProblem> problems) {
        if (written == null || written.isBlank()) {
            return "QUARTERLY";
        }
        String cycle = written.strip().toUpperCase(Locale.ROOT);
        if (!List.of("MONTHLY", "QUARTERLY").contains(cycle)) {
            problems.add(ImportProblem.of(
                    ImportProblem.PLAN,
                    "reportCycle",
                    "进展报送周期",
                    "“" + written + "”不是有效的周期，应为 MONTHLY（每月）或 QUARTERLY（每季度）"));
        }
        return cycle;
    }

    private static List<PlanFile.Indicator> indicators(
            List<PlanFile.Indicator> indicators, List<ImportProblem> problems) {
        if (indicators == null) {
            return List.of();
        }
        for (int i = 0; i < indicators.size(); i++) {
            PlanFile.Indicator indicator = indicators.get(i);
            String row = "指标第" + (i + 1) + "行";
            if (indicator == null
                    || indicator.name() == null
                    || indicator.name().isBlank()) {
                problems.add(ImportProblem.of(row, "indicators", "指标名称", "缺少指标名称"));
            } else if (indicator.binding() == null) {
                problems.add(ImportProblem.of(row, "indicators", "约束性/预期性", "请注明指标是约束性（true）还是预期性（false）"));
            }
        }
        return List.copyOf(indicators);
    }

    private LocalDate deadline(
            String written, LocalDate planDeadline, LocalDate issuedOn, String task, List<ImportProblem> problems) {
        LocalDate deadline = written == null || written.isBlank()
                ? planDeadline
                : optionalDate(written, task, "deadline", "完成时限", problems);
        if (deadline == null) {
            if (written == null || written.isBlank()) {
                problems.add(ImportProblem.of(task, "deadline", "完成时限", "缺少完成时限（也可以在计划上写默认的deadline）"));
            }
            return null;
        }
        if (issuedOn != null && deadline.isBefore(issuedOn)) {
            problems.add(ImportProblem.of(
                    task,
                    "deadline",
                    "完成时限",
                    "“" + ChineseDates.of(deadline) + "”早于计划印发日期“" + ChineseDates.of(issuedOn) + "”"));
        }
        return deadline;
    }

    private static List<Unit> optionalUnits(
            UnitDirectory units,
            List<String> names,
            String task,
            String field,
            String label,
            List<ImportProblem> problems) {
        Map<String, Unit> resolved = new LinkedHashMap<>();
        for (String name : splitNames(names)) {
            List<Unit> named = units.resolveAll(name);
            named.forEach(unit -> resolved.putIfAbsent(unit.id(), unit));
            if (named.isEmpty()) {
                problems.add(
                        ImportProblem.of(task, field, label, "未知单位“" + name + "”，请使用单位名称、简称或原名称（如“州生态环境局”“州环保局”）"));
            }
        }
        return List.copyOf(resolved.values());
    }

    private static void checkNoUnitBothLeadsAndSupports(
            ValidatedPlan.Task task, String name, List<ImportProblem> problems) {
        for (Unit support : task.supportUnits()) {
            if (task.accountableUnits().contains(support)) {
                problems.add(
                        ImportProblem.of(name, "supportUnits", "配合单位", "“" + support.name() + "”已是牵头单位，不能同时作为配合单位"));
            }
        }
    }

    private static List<String> splitNames(List<String> names) {
        if (names == null) {
            return List.of();
        }
        return names.stream()
                .filter(name -> name != null)
                .flatMap(UNIT_SEPARATORS::splitAsStream)
                .map(String::strip)
                .filter(name -> !name.isEmpty())
                .toList();
    }

    private static String requireCode(
            String value, String task, String field, String label, List<ImportProblem> problems) {
        String code = requireText(value, 64, task, field, label, problems);
        if (code != null && !CODE.matcher(code).matches()) {
            problems.add(ImportProblem.of(task, field, label, "“" + code + "”不符合要求：" + CODE_HINT));
            return null;
        }
        return code;
    }

    private static String requireText(
            String value, int maxLength, String task, String field, String label, List<ImportProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(ImportProblem.of(task, field, label, "缺少" + label));
            return null;
        }
        return optionalText(value, maxLength, task, field, label, problems);
    }

    private static String optionalText(
            String value, int maxLength, String task, String field, String label, List<ImportProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.length() > maxLength) {
            problems.add(ImportProblem.of(task, field, label, "超过" + maxLength + "个字"));
        }
        String notPlain = PlainText.problemWith(text);
        if (notPlain != null) {
            problems.add(ImportProblem.of(task, field, label, notPlain));
        }
        return text;
    }

    private static LocalDate optionalDate(
            String value, String task, String field, String label, List<ImportProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Optional<LocalDate> date = DeadlineFormat.parse(value);
        if (date.isEmpty()) {
            problems.add(ImportProblem.of(task, field, label, "无法识别日期“" + value.strip() + "”，" + DeadlineFormat.HINT));
        }
        return date.orElse(null);
    }
}
