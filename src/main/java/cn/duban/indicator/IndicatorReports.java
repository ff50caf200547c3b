package cn.duban.indicator;

import static cn.duban.indicator.IndicatorVariables.AS_OF;
import static cn.duban.indicator.IndicatorVariables.INDICATOR_ID;
import static cn.duban.indicator.IndicatorVariables.INDICATOR_NAME;
import static cn.duban.indicator.IndicatorVariables.LAST_REPORT;
import static cn.duban.indicator.IndicatorVariables.LEAD_UNIT;
import static cn.duban.indicator.IndicatorVariables.NOTE;
import static cn.duban.indicator.IndicatorVariables.PERIOD_START;
import static cn.duban.indicator.IndicatorVariables.VALUE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * On 报送指标值 ({@code UserTask_ReportValue}): names each task after its indicator when it is created, and when the
 * lead unit submits, checks the value, the as-of date and the note again on the server ({@link ReportedValue}) and
 * keeps the value in {@code duban.indicator_value}, in the engine's transaction. The check is an execution listener,
 * because the engine passes its exceptions on unchanged (REST answers 400 with the Chinese reason and nothing is
 * written).
 */
@Component("indicatorReports")
class IndicatorReports implements TaskListener, ExecutionListener {

    /** Longer names are cut in the task list; the form shows the whole name. */
    static final int NAME_SHOWN = 40;

    private final IndicatorStore store;
    private final IndicatorRounds rounds;

    IndicatorReports(IndicatorStore store, IndicatorRounds rounds) {
        this.store = store;
        this.rounds = rounds;
    }

    /** Task listener (create): "报送指标值：受污染耕地安全利用率". */
    @Override
    public void notify(DelegateTask task) {
        Object name = task.getVariable(INDICATOR_NAME);
        if (name != null) {
            String shown = name.toString();
            task.setName(task.getName() + "："
                    + (shown.length() > NAME_SHOWN ? shown.substring(0, NAME_SHOWN) + "…" : shown));
        }
    }

    /** Execution listener (end): checks and keeps the submitted value. */
    @Override
    public void notify(DelegateExecution execution) {
        if (execution.isCanceled()) {
            return;
        }
        Object periodStart = execution.getVariable(PERIOD_START);
        String unit = (String) execution.getVariable(IndicatorVariables.UNIT_TEXT);
        String indicatorUnit = "—".equals(unit) ? null : unit;
        ReportedValue reported = ReportedValue.check(
                execution.getVariable(VALUE),
                execution.getVariable(AS_OF),
                execution.getVariable(NOTE),
                indicatorUnit,
                periodStart instanceof Number year ? year.intValue() : null,
                rounds.today(),
                rounds.zone());
        Authentication user =
                execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        store.recordValue(
                ((Number) execution.getVariable(INDICATOR_ID)).longValue(),
                reported,
                (String) execution.getVariable(LEAD_UNIT),
                user == null ? null : user.getUserId(),
                ClockUtil.getCurrentTime().toInstant());
        execution.getProcessInstance().setVariable(LAST_REPORT, reported.summary(indicatorUnit));
    }
}
