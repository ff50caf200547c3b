package cn.duban.plantask;

import cn.duban.taskform.LongText;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Before the lead unit reports: puts every co-lead's part, every support unit's contribution and every implementing
 * unit's report into the consolidating lead unit's form.
 */
@Component("presentUnitReportsListener")
class PresentUnitReportsListener implements ExecutionListener {

    private final LocalReports reports;
    private final Contributions contributions;
    private final CoLeadParts coLeadParts;

    PresentUnitReportsListener(LocalReports reports, Contributions contributions, CoLeadParts coLeadParts) {
        this.reports = reports;
        this.contributions = contributions;
        this.coLeadParts = coLeadParts;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String taskCode = (String) execution.getVariable(PlanTaskVariables.TASK_CODE);
        present(execution, PlanTaskVariables.LOCAL_REPORTS_TEXT, reports.asText(taskCode));
        present(execution, PlanTaskVariables.CONTRIBUTIONS_TEXT, contributions.asText(taskCode));
        present(execution, PlanTaskVariables.CO_LEAD_PARTS_TEXT, coLeadParts.asText(taskCode));
    }

    /** Nothing to show and nothing shown before: no variable is written (the form hides the field either way). */
    private static void present(DelegateExecution execution, String variable, String text) {
        if (!text.isEmpty()) {
            execution.setVariable(variable, LongText.of(text));
        } else if (execution.getVariable(variable) != null) {
            execution.setVariable(variable, null);
        }
    }
}
