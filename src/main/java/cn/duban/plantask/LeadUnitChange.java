package cn.duban.plantask;

import static cn.duban.plantask.PlanTaskVariables.LEAD_UNITS;
import static cn.duban.plantask.PlanTaskVariables.LEAD_UNIT_NAMES;
import static cn.duban.plantask.PlanTaskVariables.NEW_LEAD_UNITS;
import static cn.duban.plantask.PlanTaskVariables.SUPPORT_UNITS;
import static cn.duban.plantask.PlanTaskVariables.SUPPORT_UNIT_NAMES;
import static cn.duban.plantask.PlanTaskVariables.TASK_CODE;

import cn.duban.identity.Unit;
import cn.duban.identity.UnitCatalog;
import cn.duban.identity.UnitDirectory;
import cn.duban.supervision.DeadlineCheck;
import cn.duban.supervision.SupervisionEvent;
import cn.duban.taskform.SubmissionRejectedException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reassignment (重新交办): the new lead unit(s) the supervision office names must be units of the catalog, and they
 * become the task's lead units, in the process, in the plan's catalog and in the supervision record, before the task
 * is offered to them for signing. A new lead that was a support unit of the task is one no more (it would be asked to
 * contribute to its own task); the former leads are no longer leads. All in the engine's transaction: the dossier
 * and the units' scores follow.
 */
@Service
class LeadUnitChange {

    private final UnitCatalog units;
    private final DeadlineCheck deadlineCheck;
    private final JdbcClient jdbc;

    LeadUnitChange(UnitCatalog units, DeadlineCheck deadlineCheck, JdbcClient jdbc) {
        this.units = units;
        this.deadlineCheck = deadlineCheck;
        this.jdbc = jdbc;
    }

    /** Makes the units named in {@code newLeadUnits} the instance's lead units; refuses unknown names. */
    void apply(DelegateExecution execution) {
        String taskCode = (String) execution.getVariable(TASK_CODE);
        Map<String, Unit> leads = resolve(execution.getVariable(NEW_LEAD_UNITS));
        List<Unit> supports = remainingSupportUnits(execution.getVariable(SUPPORT_UNITS), leads);
        execution.setVariable(LEAD_UNITS, String.join(",", leads.keySet()));
        execution.setVariable(
                LEAD_UNIT_NAMES, leads.values().stream().map(Unit::name).collect(Collectors.joining("、")));
        execution.setVariable(SUPPORT_UNITS, supports.stream().map(Unit::id).collect(Collectors.joining(",")));
        execution.setVariable(
                SUPPORT_UNIT_NAMES,
                supports.isEmpty() ? "无" : supports.stream().map(Unit::name).collect(Collectors.joining("、")));
        execution.setVariable(PlanTaskVariables.CLAIM_DECISION, null);
        replaceLeadRoles(taskCode, leads);
        deadlineCheck.leadUnitsChanged(
                taskCode,
                List.copyOf(leads.keySet()),
                supports.stream().map(Unit::id).toList());
        Authentication office =
                execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        deadlineCheck.recordStep(
                taskCode,
                SupervisionEvent.Kind.REASSIGNED,
                "改由" + execution.getVariable(LEAD_UNIT_NAMES) + "牵头",
                office == null ? null : office.getUserId(),
                ClockUtil.getCurrentTime().toInstant());
    }

    private Map<String, Unit> resolve(Object written) {
        String names = written == null ? "" : written.toString().strip();
        if (names.isEmpty()) {
            throw new SubmissionRejectedException(NEW_LEAD_UNITS, "请填写新的牵头单位");
        }
        UnitDirectory directory = units.directory();
        Map<String, Unit> leads = new LinkedHashMap<>();
        for (String name : Stream.of(names.split("[、,，;；]"))
                .map(String::strip)
                .filter(n -> !n.isEmpty())
                .toList()) {
            var named = directory.resolveAll(name);
            if (named.isEmpty()) {
                throw new SubmissionRejectedException(NEW_LEAD_UNITS, "未知单位“" + name + "”，请使用单位库中的名称");
            }
            named.forEach(unit -> leads.putIfAbsent(unit.id(), unit));
        }
        return leads;
    }

    /** The task's support units less the new leads, in their order. */
    private List<Unit> remainingSupportUnits(Object supportUnitIds, Map<String, Unit> leads) {
        UnitDirectory directory = units.directory();
        return Stream.of((supportUnitIds == null ? "" : supportUnitIds.toString()).split(","))
                .map(String::strip)
                .filter(id -> !id.isEmpty() && !leads.containsKey(id))
                .map(id -> directory.resolveAll(id).stream().findFirst().orElse(new Unit(id, id, null)))
                .toList();
    }

    private void replaceLeadRoles(String taskCode, Map<String, Unit> leads) {
        Long taskId = jdbc.sql("select id from duban.plan_task where code = ?")
                .param(taskCode)
                .query(Long.class)
                .optional()
                .orElse(null);
        if (taskId == null) {
            return;
        }
        jdbc.sql("delete from duban.plan_task_unit where task_id = ? and role in ('LEAD', 'RESPONSIBLE')")
                .param(taskId)
                .update();
        jdbc.sql("delete from duban.plan_task_unit where task_id = ? and role = 'SUPPORT' and unit_id = any(?)")
                .params(taskId, leads.keySet().toArray(String[]::new))
                .update();
        int position = 0;
        for (Unit unit : leads.values()) {
            jdbc.sql("insert into duban.plan_task_unit (task_id, unit_id, role, position) values (?, ?, 'LEAD', ?)")
                    .params(taskId, unit.id(), position++)
                    .update();
        }
    }
}
