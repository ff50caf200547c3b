package cn.duban.plantask;

import cn.duban.taskform.LongText;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Before the lead unit reports: puts every support unit's contribution and every implementing unit's report into the
 * lead unit's form, to be consolidated.
 */
@Component("presentUnitReportsListener")
class PresentUnitReportsListener implements ExecutionListener {

    private final LocalReports reports;
    private final Contributions contributions;

    PresentUnitReportsListener(LocalReports reports, Contributions contributions) {
        this.reports = reports;
        this.contributions = contributions;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String taskCode = (String) execution.getVariable(PlanTaskVariables.TASK_CODE);
        present(execution, PlanTaskVariables.LOCAL_REPORTS_TEXT, reports.asText(taskCode));
        present(execution, PlanTaskVariables.CONTRIBUTIONS_TEXT, contributions.asText(taskCode));
    }

    private static void present(DelegateExecution execution, String variable, String text) {
        execution.setVariable(variable, text.isEmpty() ? null : LongText.of(text));
    }
}
