package cn.duban.plantask;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Before the lead unit reports: puts every implementing unit's report into the lead unit's form. */
@Component("presentLocalReportsListener")
class PresentLocalReportsListener implements ExecutionListener {

    private final LocalReports reports;

    PresentLocalReportsListener(LocalReports reports) {
        this.reports = reports;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String text = reports.asText((String) execution.getVariable(PlanTaskVariables.TASK_CODE));
        execution.setVariable(PlanTaskVariables.LOCAL_REPORTS_TEXT, text.isEmpty() ? null : LongText.of(text));
    }
}
