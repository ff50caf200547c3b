package cn.duban.indicator;

import static cn.duban.indicator.IndicatorVariables.BASELINE_TEXT;
import static cn.duban.indicator.IndicatorVariables.BINDING_TEXT;
import static cn.duban.indicator.IndicatorVariables.CATEGORY;
import static cn.duban.indicator.IndicatorVariables.INDICATOR_ID;
import static cn.duban.indicator.IndicatorVariables.INDICATOR_NAME;
import static cn.duban.indicator.IndicatorVariables.LEAD_UNIT;
import static cn.duban.indicator.IndicatorVariables.LEAD_UNIT_NAMES;
import static cn.duban.indicator.IndicatorVariables.PERIOD_END;
import static cn.duban.indicator.IndicatorVariables.PERIOD_START;
import static cn.duban.indicator.IndicatorVariables.PERIOD_TEXT;
import static cn.duban.indicator.IndicatorVariables.PLAN_CODE;
import static cn.duban.indicator.IndicatorVariables.PLAN_TITLE;
import static cn.duban.indicator.IndicatorVariables.REPORT_CYCLE;
import static cn.duban.indicator.IndicatorVariables.REPORT_CYCLE_TEXT;
import static cn.duban.indicator.IndicatorVariables.SOURCE_TEXT;
import static cn.duban.indicator.IndicatorVariables.TARGET;
import static cn.duban.indicator.IndicatorVariables.UNIT_TEXT;
import static cn.duban.indicator.IndicatorVariables.WITHDRAW_REASON;

import cn.duban.identity.AsSystem;
import cn.duban.identity.DubanGroups;
import cn.duban.identity.Unit;
import cn.duban.identity.UnitCatalog;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Who reports an indicator. Naming a lead unit starts the indicator's reporting (one indicator-report instance, whose
 * business key is the indicator's id); naming another ends the first unit's reporting and starts the new unit's;
 * withdrawing ends it. All in one transaction with the assignment.
 */
@Service
class IndicatorAssignments {

    private final IndicatorStore store;
    private final UnitCatalog units;
    private final IndicatorRounds rounds;
    private final RuntimeService runtimeService;
    private final IdentityService identityService;

    IndicatorAssignments(
            IndicatorStore store,
            UnitCatalog units,
            IndicatorRounds rounds,
            RuntimeService runtimeService,
            IdentityService identityService) {
        this.store = store;
        this.units = units;
        this.rounds = rounds;
        this.runtimeService = runtimeService;
        this.identityService = identityService;
    }

    /** Names {@code unitRef} (a unit's id, name or former name) as the indicator's lead unit; returns the indicator. */
    @Transactional
    Indicator assign(long indicatorId, String unitRef, String assignedBy) {
        lock(indicatorId);
        Unit unit = reportingUnit(unitRef);
        Indicator current = store.find(indicatorId).orElseThrow();
        ProcessInstance running = running(indicatorId);
        if (unit.id().equals(current.leadUnitId()) && running != null) {
            return current;
        }
        store.assign(
                indicatorId, unit.id(), assignedBy, ClockUtil.getCurrentTime().toInstant());
        Indicator assigned = store.find(indicatorId).orElseThrow();
        AsSystem.run(identityService, () -> {
            if (running != null) {
                end(running, "牵头单位调整为" + unit.name());
            }
            runtimeService
                    .createProcessInstanceByKey(IndicatorReportProcess.KEY)
                    .businessKey(String.valueOf(indicatorId))
                    .setVariables(variables(assigned))
                    .execute();
        });
        return assigned;
    }

    /** Ends the indicator's reporting and leaves it without a lead unit. */
    @Transactional
    void withdraw(long indicatorId) {
        lock(indicatorId);
        ProcessInstance running = running(indicatorId);
        if (running != null) {
            AsSystem.run(identityService, () -> end(running, "督查办撤回了本指标的报送安排"));
        }
        store.unassign(indicatorId);
    }

    private void lock(long indicatorId) {
        if (!store.lock(indicatorId)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "没有编号为“" + indicatorId + "”的指标");
        }
    }

    private Unit reportingUnit(String unitRef) {
        if (unitRef == null || unitRef.isBlank()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "请指定牵头单位（unitId），如“ecology-environment”");
        }
        Unit unit = units.resolve(unitRef)
                .orElseThrow(() -> new ResponseStatusException(
                        HttpStatus.BAD_REQUEST,
                        "未知单位“" + unitRef.strip() + "”：请使用单位编号或名称，如“ecology-environment”或“州生态环境局”"));
        if ("COLLECTIVE".equals(unit.kind())) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "“" + unit.name() + "”是多个单位的统称，请指定一个具体单位报送指标");
        }
        if (DubanGroups.SUPERVISION_OFFICE.equals(unit.id()) || DubanGroups.LEADERS.equals(unit.id())) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "指标应由业务主管单位报送，不能指定“" + unit.name() + "”");
        }
        return unit;
    }

    private ProcessInstance running(long indicatorId) {
        return AsSystem.call(
                identityService,
                () -> runtimeService
                        .createProcessInstanceQuery()
                        .processDefinitionKey(IndicatorReportProcess.KEY)
                        .processInstanceBusinessKey(String.valueOf(indicatorId))
                        .singleResult());
    }

    private void end(ProcessInstance running, String reason) {
        runtimeService
                .createMessageCorrelation(IndicatorReportProcess.MSG_REPORTING_WITHDRAWN)
                .processInstanceId(running.getId())
                .setVariable(WITHDRAW_REASON, reason)
                .correlate();
    }

    private VariableMap variables(Indicator indicator) {
        String cron = rounds.cronFor(indicator.reportCycle());
        return Variables.createVariables()
                .putValue(INDICATOR_ID, indicator.id())
                .putValue(PLAN_CODE, indicator.planCode())
                .putValue(PLAN_TITLE, indicator.planTitle())
                .putValue(PERIOD_START, indicator.periodStart())
                .putValue(PERIOD_END, indicator.periodEnd())
                .putValue(PERIOD_TEXT, periodText(indicator))
                .putValue(INDICATOR_NAME, indicator.name())
                .putValue(CATEGORY, orDash(indicator.category()))
                .putValue(UNIT_TEXT, orDash(indicator.unit()))
                .putValue(BASELINE_TEXT, baselineText(indicator.baseline()))
                .putValue(TARGET, orDash(indicator.target()))
                .putValue(BINDING_TEXT, indicator.bindingText())
                .putValue(SOURCE_TEXT, orDash(indicator.source()))
                .putValue(LEAD_UNIT, indicator.leadUnitId())
                .putValue(LEAD_UNIT_NAMES, indicator.leadUnitName())
                .putValue(REPORT_CYCLE, cron)
                .putValue(REPORT_CYCLE_TEXT, rounds.textOf(cron));
    }

    private static String periodText(Indicator indicator) {
        if (indicator.periodStart() == null || indicator.periodEnd() == null) {
            return "未写明";
        }
        return indicator.periodStart() + "—" + indicator.periodEnd() + "年";
    }

    private static String baselineText(String baseline) {
        return baseline == null || baseline.isBlank() || baseline.strip().matches("-+|—+") ? "无" : baseline;
    }

    private static String orDash(String text) {
        return text == null || text.isBlank() ? "—" : text;
    }
}
