package cn.duban.plan.intake;

import static cn.duban.plan.intake.PlanIntakeVariables.PARSER_WARNINGS;
import static cn.duban.plan.intake.PlanIntakeVariables.PLAN_CODE;
import static cn.duban.plan.intake.PlanIntakeVariables.SOURCE_NAME;
import static cn.duban.plan.intake.PlanIntakeVariables.SOURCE_TEXT;
import static cn.duban.plan.intake.PlanIntakeVariables.TASK_COUNT;
import static cn.duban.plan.intake.PlanIntakeVariables.UNKNOWN_UNITS;

import cn.duban.plan.ImportedPlan;
import cn.duban.plan.PlanFile;
import cn.duban.plan.PlanImporter;
import cn.duban.plan.text.DraftPlan;
import cn.duban.plan.text.PlanTextParser;
import cn.duban.taskform.LongText;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Starts plan-intake for a plan's text and tells what the parser found. */
@Service
public class PlanIntake {

    private final RuntimeService runtimeService;
    private final DraftVariables draftVariables;
    private final PlanImporter importer;

    PlanIntake(RuntimeService runtimeService, DraftVariables draftVariables, PlanImporter importer) {
        this.runtimeService = runtimeService;
        this.draftVariables = draftVariables;
        this.importer = importer;
    }

    /** Publishes a plan's text as the parser reads it, without review: for demo data whose reading is pinned. */
    @Transactional
    public ImportedPlan publishUnreviewed(
            String sourceText, String sourceName, String planCode, String title, String importedBy) {
        DraftPlan draft = new PlanTextParser().parse(sourceText);
        PlanFile plan = draftVariables.planFile(draft, planCode);
        PlanFile titled = new PlanFile(
                plan.code(),
                plan.title() == null ? title : plan.title(),
                plan.issuer(),
                plan.issuedOn(),
                plan.kind(),
                plan.periodStart(),
                plan.periodEnd(),
                plan.deadline(),
                plan.reportCycle(),
                sourceName,
                plan.tasks(),
                plan.indicators());
        return importer.publish(titled, sourceText, importedBy);
    }

    @Transactional
    public Draft start(String sourceText, String sourceName, String planCode) {
        ProcessInstance instance = runtimeService
                .createProcessInstanceByKey(PlanIntakeVariables.PROCESS_KEY)
                .setVariables(Variables.createVariables()
                        .putValueTyped(SOURCE_TEXT, LongText.of(sourceText))
                        .putValue(SOURCE_NAME, sourceName)
                        .putValue(PLAN_CODE, planCode))
                .execute();
        Map<String, Object> found = runtimeService.getVariables(instance.getId());
        return new Draft(
                instance.getId(),
                (String) found.get(PLAN_CODE),
                (Integer) found.get(TASK_COUNT),
                (String) found.get(UNKNOWN_UNITS),
                (String) found.get(PARSER_WARNINGS));
    }

    /** A draft waiting for review: how many tasks, which unit names are unknown, what the parser could not settle. */
    public record Draft(
            String processInstanceId, String planCode, Integer taskCount, String unknownUnits, String warnings) {}
}
