package cn.duban.plan.intake;

import static cn.duban.plan.intake.PlanIntakeVariables.PUBLISHED_TASK_COUNT;
import static cn.duban.plan.intake.PlanIntakeVariables.REVIEWED_BY;
import static cn.duban.plan.intake.PlanIntakeVariables.SOURCE_TEXT;

import cn.duban.plan.ImportedPlan;
import cn.duban.plan.PlanImporter;
import cn.duban.plan.PlanRejectedException;
import cn.duban.taskform.SubmissionRejectedException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Publishes the approved draft: stores the plan and dispatches every task, in the leader's transaction. */
@Component("publishPlanDelegate")
class PublishPlanDelegate implements JavaDelegate {

    private final DraftVariables draftVariables;
    private final PlanImporter importer;

    PublishPlanDelegate(DraftVariables draftVariables, PlanImporter importer) {
        this.draftVariables = draftVariables;
        this.importer = importer;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ImportedPlan plan;
        try {
            plan = importer.publish(
                    draftVariables.planFile(execution), (String) execution.getVariable(SOURCE_TEXT), (String)
                            execution.getVariable(REVIEWED_BY));
        } catch (PlanRejectedException rejection) {
            // Something changed since the review, e.g. the same plan was published meanwhile.
            throw new SubmissionRejectedException("planCode", rejection.getMessage());
        }
        execution.setVariable(PUBLISHED_TASK_COUNT, plan.taskCount());
    }
}
