package cn.duban.plan.intake;

import static cn.duban.plan.intake.PlanIntakeVariables.DRAFT_SUMMARY;
import static cn.duban.plan.intake.PlanIntakeVariables.REVIEWED_BY;
import static cn.duban.plan.intake.PlanIntakeVariables.TASK_COUNT;
import static cn.duban.plan.intake.PlanIntakeVariables.UNKNOWN_UNITS;

import cn.duban.plan.ImportProblem;
import cn.duban.plan.PlanFile;
import cn.duban.plan.PlanImporter;
import cn.duban.plan.PlanRejectedException;
import cn.duban.taskform.LongText;
import cn.duban.taskform.SubmissionRejectedException;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * When the supervision office finishes its review: the draft must pass every check a publication would (units known,
 * a lead for every task, dates, codes not used before). Otherwise the review stays open and says what to fix.
 */
@Component("checkReviewedDraftListener")
class CheckReviewedDraftListener implements ExecutionListener {

    private static final int PROBLEMS_SHOWN = 5;

    private final DraftVariables draftVariables;
    private final PlanImporter importer;
    private final UnknownUnits unknownUnits;
    private final IdentityService identityService;

    CheckReviewedDraftListener(
            DraftVariables draftVariables,
            PlanImporter importer,
            UnknownUnits unknownUnits,
            IdentityService identityService) {
        this.draftVariables = draftVariables;
        this.importer = importer;
        this.unknownUnits = unknownUnits;
        this.identityService = identityService;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.isCanceled()) {
            return;
        }
        PlanFile plan = draftVariables.planFile(execution);
        try {
            importer.check(plan);
        } catch (PlanRejectedException rejection) {
            String problems = rejection.problems().stream()
                    .limit(PROBLEMS_SHOWN)
                    .map(ImportProblem::message)
                    .collect(Collectors.joining("；"));
            int more = rejection.problems().size() - PROBLEMS_SHOWN;
            throw new SubmissionRejectedException(
                    "draftTasks",
                    "草稿还有" + rejection.problems().size() + "处问题：" + problems + (more > 0 ? "；另有" + more + "处" : ""));
        }
        Authentication reviewer = identityService.getCurrentAuthentication();
        execution.setVariable(REVIEWED_BY, reviewer == null ? null : reviewer.getUserId());
        execution.setVariable(TASK_COUNT, plan.tasks().size());
        execution.setVariable(UNKNOWN_UNITS, unknownUnits.describe(draftVariables.rows(execution)));
        execution.setVariable(DRAFT_SUMMARY, LongText.of(draftVariables.summary(plan)));
    }
}
