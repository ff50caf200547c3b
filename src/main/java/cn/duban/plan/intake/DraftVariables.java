package cn.duban.plan.intake;

import static cn.duban.plan.intake.PlanIntakeVariables.DRAFT_INDICATORS;
import static cn.duban.plan.intake.PlanIntakeVariables.DRAFT_TASKS;
import static cn.duban.plan.intake.PlanIntakeVariables.PARSED_DETAILS;
import static cn.duban.plan.intake.PlanIntakeVariables.PERIOD_END;
import static cn.duban.plan.intake.PlanIntakeVariables.PERIOD_START;
import static cn.duban.plan.intake.PlanIntakeVariables.PLAN_CODE;
import static cn.duban.plan.intake.PlanIntakeVariables.PLAN_DEADLINE;
import static cn.duban.plan.intake.PlanIntakeVariables.PLAN_ISSUER;
import static cn.duban.plan.intake.PlanIntakeVariables.PLAN_KIND;
import static cn.duban.plan.intake.PlanIntakeVariables.PLAN_TITLE;
import static cn.duban.plan.intake.PlanIntakeVariables.SOURCE_NAME;

import cn.duban.plan.PlanFile;
import cn.duban.plan.text.DraftIndicator;
import cn.duban.plan.text.DraftPlan;
import cn.duban.plan.text.DraftTask;
import cn.duban.plan.text.UnitRole;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * A draft plan as process variables the review form can edit, and back: the reviewed variables as the same
 * {@link PlanFile} a YAML import produces, so both roads share one set of checks and one publication.
 */
@Component
class DraftVariables {

    private static final String LIST_SEPARATOR = "、";

    private final ObjectMapper json = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    VariableMap of(DraftPlan draft, String planCode) {
        List<DraftRow> rows = draft.tasks().stream()
                .map(task -> row(task, planCode, draft.tasks().size()))
                .toList();
        List<ParsedDetail> details =
                draft.tasks().stream().map(DraftVariables::detail).toList();
        List<PlanFile.Indicator> indicators =
                draft.indicators().stream().map(DraftVariables::indicator).toList();
        return Variables.createVariables()
                .putValue(PLAN_CODE, planCode)
                .putValue(PLAN_TITLE, draft.title())
                .putValue(PLAN_ISSUER, draft.issuer())
                .putValue(PLAN_KIND, draft.kind().name())
                .putValue(PERIOD_START, draft.periodStart())
                .putValue(PERIOD_END, draft.periodEnd())
                .putValue(
                        PLAN_DEADLINE,
                        draft.defaultDeadline() == null
                                ? null
                                : draft.defaultDeadline().toString())
                .putValueTyped(DRAFT_TASKS, SpinValues.jsonValue(write(rows)).create())
                .putValueTyped(
                        PARSED_DETAILS, SpinValues.jsonValue(write(details)).create())
                .putValueTyped(
                        DRAFT_INDICATORS,
                        SpinValues.jsonValue(write(indicators)).create());
    }

    /** The draft as the parser read it, for publishing without review (the demo data). */
    PlanFile planFile(DraftPlan draft, String planCode) {
        List<PlanFile.Task> tasks = draft.tasks().stream()
                .map(task -> task(row(task, planCode, draft.tasks().size()), detail(task)))
                .toList();
        return new PlanFile(
                planCode,
                draft.title(),
                draft.issuer(),
                null,
                draft.kind().name(),
                draft.periodStart(),
                draft.periodEnd(),
                date(draft.defaultDeadline()),
                reportCycle(draft.kind().name()),
                null,
                tasks,
                draft.indicators().stream().map(DraftVariables::indicator).toList());
    }

    PlanFile planFile(VariableScope variables) {
        List<DraftRow> rows = read(variables.getVariable(DRAFT_TASKS), new TypeReference<List<DraftRow>>() {});
        Map<Integer, ParsedDetail> details =
                read(variables.getVariable(PARSED_DETAILS), new TypeReference<List<ParsedDetail>>() {}).stream()
                        .collect(Collectors.toMap(ParsedDetail::sequence, Function.identity()));
        List<PlanFile.Indicator> indicators =
                read(variables.getVariable(DRAFT_INDICATORS), new TypeReference<List<PlanFile.Indicator>>() {});
        List<PlanFile.Task> tasks =
                rows.stream().map(row -> task(row, details.get(row.sequence()))).toList();
        return new PlanFile(
                text(variables, PLAN_CODE),
                text(variables, PLAN_TITLE),
                text(variables, PLAN_ISSUER),
                null,
                text(variables, PLAN_KIND),
                number(variables, PERIOD_START),
                number(variables, PERIOD_END),
                text(variables, PLAN_DEADLINE),
                reportCycle(text(variables, PLAN_KIND)),
                text(variables, SOURCE_NAME),
                tasks,
                indicators);
    }

    /** Every task on one line, as plain text, for the people who review and approve. */
    String summary(PlanFile plan) {
        return plan.tasks().stream()
                .map(task -> task.code() + "　" + task.title()
                        + "　牵头："
                        + String.join("、", task.leadUnits().isEmpty() ? task.responsibleUnits() : task.leadUnits())
                        + (task.supportUnits().isEmpty() ? "" : "　配合：" + String.join("、", task.supportUnits()))
                        + (task.implementingUnits().isEmpty()
                                ? ""
                                : "　落实：" + String.join("、", task.implementingUnits()))
                        + "　时限：" + (task.deadline() == null ? plan.deadline() : task.deadline())
                        + (task.milestones() == null || task.milestones().isEmpty()
                                ? ""
                                : "　节点："
                                        + task.milestones().stream()
                                                .map(PlanFile.Milestone::due)
                                                .collect(Collectors.joining("、"))))
                .collect(Collectors.joining("\n"));
    }

    List<DraftRow> rows(VariableScope variables) {
        return rows(variables.getVariable(DRAFT_TASKS));
    }

    /** The rows of a {@code draftTasks} variable's value. */
    List<DraftRow> rows(Object draftTasks) {
        return read(draftTasks, new TypeReference<List<DraftRow>>() {});
    }

    private static DraftRow row(DraftTask task, String planCode, int taskCount) {
        String format = taskCount > 99 ? "%s-%03d" : "%s-%02d";
        return new DraftRow(
                task.sequence(),
                String.format(format, planCode, task.sequence()),
                task.section(),
                task.title(),
                task.text(),
                joined(task.unitsIn(UnitRole.LEAD)),
                joined(task.unitsIn(UnitRole.RESPONSIBLE)),
                joined(task.unitsIn(UnitRole.SUPPORT)),
                joined(task.unitsIn(UnitRole.IMPLEMENTING)),
                date(task.startDate()),
                date(task.deadline()),
                null,
                task.milestones().isEmpty()
                        ? null
                        : task.milestones().stream()
                                .map(milestone -> milestone.due() + " " + milestone.text())
                                .collect(Collectors.joining("\n")));
    }

    private static ParsedDetail detail(DraftTask task) {
        return new ParsedDetail(
                task.sequence(),
                task.supportShareResponsibility(),
                task.targets().stream()
                        .map(target ->
                                new PlanFile.Target(target.phrase(), target.value(), target.unit(), target.qualifier()))
                        .toList());
    }

    private static PlanFile.Indicator indicator(DraftIndicator indicator) {
        return new PlanFile.Indicator(
                indicator.category(),
                indicator.name(),
                indicator.unit(),
                indicator.baseline(),
                indicator.target(),
                indicator.binding(),
                indicator.source());
    }

    private static PlanFile.Task task(DraftRow row, ParsedDetail detail) {
        return new PlanFile.Task(
                row.code(),
                row.section(),
                row.title(),
                row.text(),
                split(row.leadUnits()),
                split(row.responsibleUnits()),
                split(row.supportUnits()),
                detail != null && detail.supportShareResponsibility(),
                split(row.implementingUnits()),
                row.startDate(),
                row.deadline(),
                detail == null ? List.of() : detail.targets(),
                row.binding(),
                milestones(row.milestones()));
    }

    /** The reviewer's milestone lines: a date ("2023-12-31" or "2023年12月31日"), a space, the words. */
    private static List<PlanFile.Milestone> milestones(String lines) {
        if (lines == null || lines.isBlank()) {
            return List.of();
        }
        return lines.lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .map(line -> {
                    String[] parts = line.split("[\\s　：:]+", 2);
                    return new PlanFile.Milestone(parts[0], parts.length > 1 ? parts[1] : "");
                })
                .toList();
    }

    /** An annual plan reports monthly; a longer one quarterly. */
    private static String reportCycle(String kind) {
        return "ANNUAL".equals(kind) ? "MONTHLY" : "QUARTERLY";
    }

    private static String joined(List<String> names) {
        return String.join(LIST_SEPARATOR, names);
    }

    private static List<String> split(String names) {
        return names == null || names.isBlank() ? List.of() : Arrays.asList(names.split("[、,，;；]"));
    }

    private static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static String text(VariableScope variables, String name) {
        Object value = variables.getVariable(name);
        return value == null ? null : value.toString();
    }

    private static Integer number(VariableScope variables, String name) {
        Object value = variables.getVariable(name);
        if (value instanceof Number n) {
            return n.intValue();
        }
        return value == null || value.toString().isBlank()
                ? null
                : Integer.valueOf(value.toString().strip());
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write draft as JSON", e);
        }
    }

    private <T> T read(Object spinJson, TypeReference<T> type) {
        try {
            return json.readValue(spinJson == null ? "[]" : spinJson.toString(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("draft variable is not the expected JSON", e);
        }
    }
}
