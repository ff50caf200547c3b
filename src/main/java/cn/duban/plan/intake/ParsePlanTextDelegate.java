package cn.duban.plan.intake;

import static cn.duban.plan.intake.PlanIntakeVariables.DRAFT_ID;
import static cn.duban.plan.intake.PlanIntakeVariables.DRAFT_SUMMARY;
import static cn.duban.plan.intake.PlanIntakeVariables.PARSER_WARNINGS;
import static cn.duban.plan.intake.PlanIntakeVariables.PLAN_CODE;
import static cn.duban.plan.intake.PlanIntakeVariables.SOURCE_TEXT;
import static cn.duban.plan.intake.PlanIntakeVariables.TASK_COUNT;
import static cn.duban.plan.intake.PlanIntakeVariables.UNKNOWN_UNITS;

import cn.duban.plan.text.DraftPlan;
import cn.duban.plan.text.DraftTask;
import cn.duban.plan.text.PlanTextException;
import cn.duban.plan.text.PlanTextParser;
import cn.duban.taskform.ChineseDates;
import cn.duban.taskform.LongText;
import cn.duban.taskform.SubmissionRejectedException;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Reads the uploaded text into a draft for review. Runs in the transaction that starts the intake, so a text that is
 * no plan is refused (400, in Chinese) and nothing is written.
 */
@Component("parsePlanTextDelegate")
class ParsePlanTextDelegate implements JavaDelegate {

    private final PlanTextParser parser = new PlanTextParser();
    private final DraftVariables draftVariables;
    private final UnknownUnits unknownUnits;

    private final ZoneId zone;

    ParsePlanTextDelegate(
            DraftVariables draftVariables, UnknownUnits unknownUnits, @Value("${duban.time-zone}") ZoneId zone) {
        this.draftVariables = draftVariables;
        this.unknownUnits = unknownUnits;
        this.zone = zone;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DraftPlan draft;
        try {
            draft = parser.parse((String) execution.getVariable(SOURCE_TEXT));
        } catch (PlanTextException e) {
            throw new SubmissionRejectedException(SOURCE_TEXT, e.getMessage());
        }
        Object code = execution.getVariable(PLAN_CODE);
        String planCode = code == null || code.toString().isBlank()
                ? suggestedCode(draft)
                : code.toString().strip();
        execution.setVariables(draftVariables.of(draft, planCode));
        execution.setVariable(DRAFT_ID, execution.getProcessInstanceId());
        execution.setVariable(TASK_COUNT, draft.tasks().size());
        execution.setVariable(DRAFT_SUMMARY, LongText.of(draftVariables.summary(draftVariables.planFile(execution))));
        execution.setVariable(UNKNOWN_UNITS, unknownUnits.describe(draftVariables.rows(execution)));
        List<String> warnings = new ArrayList<>(draft.warnings());
        warnings.addAll(pastDeadlines(draft));
        execution.setVariable(PARSER_WARNINGS, warnings.isEmpty() ? null : String.join("；", warnings));
    }

    /** Deadlines already past today (Beijing time): an old plan, or a year misread; the reviewer decides. */
    private List<String> pastDeadlines(DraftPlan draft) {
        LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(zone).toLocalDate();
        List<String> past = new ArrayList<>();
        for (DraftTask task : draft.tasks()) {
            if (task.deadline() != null && task.deadline().isBefore(today)) {
                past.add("第" + task.sequence() + "项任务“" + task.title() + "”的完成时限" + ChineseDates.of(task.deadline())
                        + "已过，请核对");
            }
        }
        if (past.size() > 3) {
            return List.of(past.size() + "项任务的完成时限早于今天（" + ChineseDates.of(today) + "），请核对是否为往年计划或时限有误");
        }
        return past;
    }

    private static String suggestedCode(DraftPlan draft) {
        int start = draft.periodStart() == null ? Year.now().getValue() : draft.periodStart();
        String period =
                draft.periodEnd() == null || draft.periodEnd() == start ? "" + start : start + "-" + draft.periodEnd();
        return "PLAN-" + period + "-"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
    }
}
