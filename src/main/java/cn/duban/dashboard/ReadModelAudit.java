package cn.duban.dashboard;

import cn.duban.identity.AsSystem;
import cn.duban.plantask.PlanTaskProcess;
import cn.duban.plantask.PlanTaskVariables;
import cn.duban.supervision.SupervisionState;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Compares the dashboard's read model with the engine, task by task, through the engine's public API: every
 * plan-task instance has its row; the row is 已销号 exactly when the instance has ended, 待核验销号 exactly when
 * inspection or closure approval is open; its deadline, lead units and urge count are the instance's own; and the
 * overview's counts are the rows' own.
 */
@Service
class ReadModelAudit {

    private static final List<String> WITH_OFFICE_OR_LEADERS =
            List.of(PlanTaskProcess.VERIFY_RESULT, PlanTaskProcess.APPROVE_CLOSURE);

    private final JdbcClient jdbc;
    private final HistoryService historyService;
    private final RuntimeService runtimeService;
    private final IdentityService identityService;
    private final ZoneId zone;
    private final DashboardCounts counts;

    ReadModelAudit(
            JdbcClient jdbc,
            HistoryService historyService,
            RuntimeService runtimeService,
            IdentityService identityService,
            @Value("${duban.time-zone}") ZoneId zone,
            DashboardCounts counts) {
        this.jdbc = jdbc;
        this.counts = counts;
        this.historyService = historyService;
        this.runtimeService = runtimeService;
        this.identityService = identityService;
        this.zone = zone;
    }

    /** The disagreements for one plan's tasks; empty when the read model and the engine agree. */
    List<String> audit(String planCode) {
        Map<String, Row> rows = new HashMap<>();
        jdbc.sql("""
                        select task_code, process_instance_id, state, deadline, array_to_string(lead_unit_ids, ','),
                               times_urged
                        from duban.supervised_task where plan_code = ?""").param(planCode).query(rs -> {
            rows.put(
                    rs.getString(1),
                    new Row(
                            rs.getString(2),
                            SupervisionState.valueOf(rs.getString(3)),
                            rs.getObject(4, LocalDate.class),
                            rs.getString(5),
                            rs.getInt(6)));
        });
        return AsSystem.call(identityService, () -> {
            List<String> disagreements = new ArrayList<>();
            List<HistoricProcessInstance> instances = historyService
                    .createHistoricProcessInstanceQuery()
                    .processDefinitionKey(PlanTaskProcess.KEY)
                    .variableValueEquals(PlanTaskVariables.PLAN_CODE, planCode)
                    .list();
            for (HistoricProcessInstance instance : instances) {
                Row row = rows.remove(instance.getBusinessKey());
                if (row == null) {
                    disagreements.add(instance.getBusinessKey() + "：引擎中有流程实例，看板中没有记录");
                } else {
                    compare(instance, row, disagreements);
                }
            }
            rows.keySet().forEach(code -> disagreements.add(code + "：看板中有记录，引擎中没有流程实例"));
            compareCounts(planCode, disagreements);
            return disagreements;
        });
    }

    private void compare(HistoricProcessInstance instance, Row row, List<String> disagreements) {
        String code = instance.getBusinessKey();
        if (!instance.getId().equals(row.processInstanceId())) {
            disagreements.add(code + "：流程实例不一致");
        }
        boolean ended = instance.getEndTime() != null;
        if (ended != (row.state() == SupervisionState.CLOSED)) {
            disagreements.add(code + "：流程" + (ended ? "已结束" : "未结束") + "，看板状态为"
                    + row.state().chineseName());
        }
        if (ended) {
            return;
        }
        List<String> active = runtimeService.getActiveActivityIds(instance.getId());
        boolean withOffice = active.stream().anyMatch(WITH_OFFICE_OR_LEADERS::contains);
        if (withOffice != (row.state() == SupervisionState.SUBMITTED)) {
            disagreements.add(code + "：当前环节为" + active + "，看板状态为" + row.state().chineseName());
        }
        Map<String, Object> variables = runtimeService.getVariables(
                instance.getId(),
                List.of(PlanTaskVariables.DEADLINE, PlanTaskVariables.LEAD_UNITS, PlanTaskVariables.TIMES_URGED));
        LocalDate deadline = ((Date) variables.get(PlanTaskVariables.DEADLINE))
                .toInstant()
                .atZone(zone)
                .toLocalDate();
        if (!deadline.equals(row.deadline())) {
            disagreements.add(code + "：完成时限不一致（引擎" + deadline + "，看板" + row.deadline() + "）");
        }
        if (!sameUnits((String) variables.get(PlanTaskVariables.LEAD_UNITS), row.leadUnitIds())) {
            disagreements.add(code + "：牵头单位不一致（引擎" + variables.get(PlanTaskVariables.LEAD_UNITS) + "，看板"
                    + row.leadUnitIds() + "）");
        }
        Object urged = variables.get(PlanTaskVariables.TIMES_URGED);
        int timesUrged = urged instanceof Number n ? n.intValue() : 0;
        if (timesUrged != row.timesUrged()) {
            disagreements.add(code + "：催办次数不一致（引擎" + timesUrged + "，看板" + row.timesUrged() + "）");
        }
    }

    /** The overview's counts must be the rows' own. */
    private void compareCounts(String planCode, List<String> disagreements) {
        Map<String, Long> counted = new HashMap<>();
        counts.read(planCode, count -> counted.merge(count.state() + "/" + count.level(), count.tasks(), Long::sum));
        Map<String, Long> rows = new HashMap<>();
        jdbc.sql("""
                        select state || '/' || escalation_level, count(*) from duban.supervised_task
                        where plan_code = ? group by 1""").param(planCode).query(rs -> {
            rows.put(rs.getString(1), rs.getLong(2));
        });
        if (!counted.equals(rows)) {
            disagreements.add(planCode + "：统计数与任务记录不一致（统计" + counted + "，记录" + rows + "）");
        }
    }

    private static boolean sameUnits(String engine, String readModel) {
        return Objects.equals(sorted(engine), sorted(readModel));
    }

    private static List<String> sorted(String ids) {
        return ids == null || ids.isBlank()
                ? List.of()
                : Arrays.stream(ids.split(",")).map(String::strip).sorted().toList();
    }

    private record Row(
            String processInstanceId, SupervisionState state, LocalDate deadline, String leadUnitIds, int timesUrged) {}
}
