package cn.duban.dashboard;

import cn.duban.accountability.AccountabilityCases;
import cn.duban.calendar.WorkingDayCalendar;
import cn.duban.identity.AsSystem;
import cn.duban.identity.People;
import cn.duban.plantask.CoLeadParts;
import cn.duban.plantask.Contributions;
import cn.duban.plantask.LocalReports;
import cn.duban.plantask.MilestoneReports;
import cn.duban.plantask.PlanTaskVariables;
import cn.duban.plantask.ProgressReports;
import cn.duban.supervision.EscalationLevel;
import cn.duban.supervision.SupervisionEvent;
import cn.duban.supervision.SupervisionRecord;
import cn.duban.supervision.SupervisionState;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/** Puts together a task's page from the read model, the engine's history and the task's records. */
@Service
class TaskDossiers {

    private final JdbcClient jdbc;
    private final DashboardQueries queries;
    private final HistoryService historyService;
    private final IdentityService identityService;
    private final SupervisionRecord supervision;
    private final Contributions contributions;
    private final LocalReports localReports;
    private final CoLeadParts coLeadParts;
    private final MilestoneReports milestoneReports;
    private final ProgressReports progressReports;
    private final AccountabilityCases accountability;
    private final ZoneId zone;
    private final WorkingDayCalendar calendar;
    private final cn.duban.instruction.LeaderInstructions instructions;
    private final People people;

    TaskDossiers(
            JdbcClient jdbc,
            DashboardQueries queries,
            HistoryService historyService,
            IdentityService identityService,
            SupervisionRecord supervision,
            Contributions contributions,
            LocalReports localReports,
            ProgressReports progressReports,
            AccountabilityCases accountability,
            @Value("${duban.time-zone}") ZoneId zone,
            WorkingDayCalendar calendar,
            cn.duban.instruction.LeaderInstructions instructions,
            CoLeadParts coLeadParts,
            MilestoneReports milestoneReports,
            People people) {
        this.instructions = instructions;
        this.coLeadParts = coLeadParts;
        this.milestoneReports = milestoneReports;
        this.people = people;
        this.calendar = calendar;
        this.jdbc = jdbc;
        this.queries = queries;
        this.historyService = historyService;
        this.identityService = identityService;
        this.supervision = supervision;
        this.contributions = contributions;
        this.localReports = localReports;
        this.progressReports = progressReports;
        this.accountability = accountability;
        this.zone = zone;
    }

    TaskDossier of(String taskCode) {
        Map<String, String> unitNames = queries.unitNames();
        Row row = jdbc.sql("""
                        select task_code, task_title, plan_code, plan_title, lead_unit_ids, support_unit_ids,
                               implementing_unit_ids, deadline, state, escalation_level, working_days_overdue,
                               times_urged, rectifications, closed_on, process_instance_id
                        from duban.supervised_task where task_code = ?""")
                .param(taskCode)
                .query((rs, n) -> new Row(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        SqlArrays.strings(rs.getArray(5)),
                        SqlArrays.strings(rs.getArray(6)),
                        SqlArrays.strings(rs.getArray(7)),
                        rs.getObject(8, LocalDate.class),
                        SupervisionState.valueOf(rs.getString(9)),
                        EscalationLevel.valueOf(rs.getString(10)),
                        rs.getInt(11),
                        rs.getInt(12),
                        rs.getInt(13),
                        rs.getObject(14, LocalDate.class),
                        rs.getString(15)))
                .optional()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "没有编号为“" + taskCode + "”的任务"));
        List<SupervisionEvent> events = supervision.events(taskCode);
        List<AccountabilityCases.AccountabilityCase> cases = accountability.of(taskCode);
        List<Contributions.Contribution> contributed = contributions.of(taskCode);
        List<LocalReports.LocalReport> reportedLocally = localReports.of(taskCode);
        List<CoLeadParts.CoLeadPart> parts = coLeadParts.of(taskCode);
        List<MilestoneReports.MilestoneReport> milestones = milestoneReports.of(taskCode);
        List<TaskDossier.TaskTarget> targets = jdbc.sql("""
                        select phrase, value, unit, qualifier from duban.plan_task_target_directory
                        where task_code = ? order by position""")
                .param(taskCode)
                .query(TaskDossier.TaskTarget.class)
                .list();
        return AsSystem.call(identityService, () -> {
            Map<String, Object> variables = variables(row.processInstanceId());
            List<TimelineEntry> timeline = new ArrayList<>();
            workflowSteps(row.processInstanceId(), "", timeline);
            cases.forEach(c -> workflowSteps(c.processInstanceId(), "问责：", timeline));
            events.forEach(event -> timeline.add(new TimelineEntry(
                    event.happenedAt(),
                    event.kind().name(),
                    event.kind().chineseName(),
                    event.reason(),
                    event.actor(),
                    null)));
            contributed.forEach(c -> timeline.add(new TimelineEntry(
                    c.reportedAt(),
                    "CONTRIBUTED",
                    c.declined() ? c.unitName() + "说明无法配合" : c.unitName() + "报送配合意见",
                    c.content(),
                    c.reportedBy(),
                    null)));
            // 领导批示 and its acknowledgement (the leader-instruction process's own steps are not the plan task's).
            instructions.of(taskCode).forEach(i -> {
                timeline.add(
                        new TimelineEntry(i.issuedAt(), "INSTRUCTED", "领导批示", i.instruction(), i.leaderId(), null));
                if (i.acknowledged()) {
                    timeline.add(new TimelineEntry(
                            i.acknowledgedAt(),
                            "INSTRUCTION_ACKNOWLEDGED",
                            "牵头单位签收领导批示",
                            i.acknowledgement(),
                            i.acknowledgedBy(),
                            null));
                }
            });
            reportedLocally.forEach(r -> timeline.add(new TimelineEntry(
                    r.reportedAt(), "LOCAL_REPORTED", r.unitName() + "报送落实情况", r.progress(), r.reportedBy(), null)));
            parts.stream()
                    .filter(part -> part.reportedAt() != null)
                    .forEach(part -> timeline.add(new TimelineEntry(
                            part.reportedAt(),
                            "CO_LEAD_PART_REPORTED",
                            part.unitName() + "报送牵头部分",
                            part.progress(),
                            part.reportedBy(),
                            null)));
            milestones.forEach(m -> timeline.add(new TimelineEntry(
                    m.reportedAt(),
                    "MILESTONE_REPORTED",
                    "阶段性成果报送",
                    m.milestone() + "：" + m.result(),
                    m.reportedBy(),
                    null)));
            List<TimelineEntry> named = withActorNames(timeline);
            return new TaskDossier(
                    row.taskCode(),
                    row.taskTitle(),
                    row.planCode(),
                    row.planTitle(),
                    TaskDossier.text(variables),
                    queries.refs(row.leads(), unitNames),
                    queries.refs(row.supports(), unitNames),
                    queries.refs(row.implementers(), unitNames),
                    row.deadline(),
                    row.state().name(),
                    row.state().chineseName(),
                    row.level().name(),
                    row.level().chineseName(),
                    overdueDays(row),
                    row.urged(),
                    row.rectifications(),
                    row.closedOn(),
                    named,
                    contributed,
                    reportedLocally,
                    progressReports.of(taskCode),
                    events.stream()
                            .filter(e -> e.kind() == SupervisionEvent.Kind.URGED)
                            .toList(),
                    events.stream()
                            .filter(e -> e.kind() == SupervisionEvent.Kind.ESCALATED)
                            .toList(),
                    cases,
                    calendar.noticeFor(row.deadline()),
                    targets,
                    (String) variables.get(PlanTaskVariables.TARGET_RESULTS),
                    parts,
                    milestones);
        });
    }

    /**
     * The working days the task is overdue: while with the units, the read model's count; once the result is
     * reported (待核验销号, 已销号) the read model stops counting, so how late the last result came is what it keeps.
     */
    private int overdueDays(Row row) {
        if (row.overdue() > 0
                || (row.state() != SupervisionState.SUBMITTED && row.state() != SupervisionState.CLOSED)) {
            return row.overdue();
        }
        HistoricActivityInstance lastReport = historyService
                .createHistoricActivityInstanceQuery()
                .processInstanceId(row.processInstanceId())
                .activityId("UserTask_ReportResult")
                .finished()
                .orderByHistoricActivityInstanceEndTime()
                .desc()
                .listPage(0, 1)
                .stream()
                .findFirst()
                .orElse(null);
        if (lastReport == null) {
            return 0;
        }
        LocalDate reportedOn = lastReport.getEndTime().toInstant().atZone(zone).toLocalDate();
        return calendar.workingDaysBetween(row.deadline(), reportedOn);
    }

    /** The dispatch and every user task of a process instance, with who did it. */
    private void workflowSteps(String processInstanceId, String prefix, List<TimelineEntry> timeline) {
        HistoricProcessInstance instance = historyService
                .createHistoricProcessInstanceQuery()
                .processInstanceId(processInstanceId)
                .singleResult();
        if (instance == null) {
            return;
        }
        timeline.add(new TimelineEntry(
                TaskDossier.at(instance.getStartTime(), zone),
                "STARTED",
                prefix.isEmpty() ? "任务下达" : prefix + "立案",
                null,
                instance.getStartUserId(),
                null));
        Map<String, Map<String, Object>> submitted = submittedValues(processInstanceId);
        for (HistoricActivityInstance step : historyService
                .createHistoricActivityInstanceQuery()
                .processInstanceId(processInstanceId)
                .activityType("userTask")
                .orderByHistoricActivityInstanceStartTime()
                .asc()
                .list()) {
            if (step.getEndTime() == null) {
                timeline.add(new TimelineEntry(
                        TaskDossier.at(step.getStartTime(), zone),
                        "OPEN",
                        prefix + step.getActivityName(),
                        "办理中",
                        step.getAssignee(),
                        null));
            } else if (!step.isCanceled() && !StepOutcomes.SHOWN_BY_THEIR_RECORDS.contains(step.getActivityId())) {
                String outcome =
                        StepOutcomes.describe(step.getActivityId(), submitted.getOrDefault(step.getId(), Map.of()));
                timeline.add(new TimelineEntry(
                        TaskDossier.at(step.getEndTime(), zone),
                        "DONE",
                        prefix + step.getActivityName(),
                        outcome == null ? "已办理" : outcome,
                        step.getAssignee(),
                        null));
            }
        }
        if (instance.getEndTime() != null && prefix.isEmpty()) {
            timeline.add(
                    new TimelineEntry(TaskDossier.at(instance.getEndTime(), zone), "ENDED", "流程结束", null, null, null));
        }
    }

    /** What was submitted at each step (by activity instance): the values each completion wrote. */
    private Map<String, Map<String, Object>> submittedValues(String processInstanceId) {
        Map<String, Map<String, Object>> values = new HashMap<>();
        historyService
                .createHistoricDetailQuery()
                .processInstanceId(processInstanceId)
                .variableUpdates()
                .orderByTime()
                .asc()
                .list()
                .forEach(detail -> {
                    if (detail instanceof HistoricVariableUpdate update
                            && update.getActivityInstanceId() != null
                            && update.getValue() != null) {
                        values.computeIfAbsent(update.getActivityInstanceId(), id -> new HashMap<>())
                                .put(update.getVariableName(), update.getValue());
                    }
                });
        return values;
    }

    private List<TimelineEntry> withActorNames(List<TimelineEntry> timeline) {
        Set<String> actors = timeline.stream()
                .map(TimelineEntry::actorId)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());
        // Each person by name and unit ("王建国（州生态环境局）"), never by user id.
        Map<String, String> names = people.labels(actors);
        return timeline.stream()
                .filter(entry -> entry.at() != null)
                .sorted(TaskDossier.OLDEST_FIRST)
                .map(entry -> new TimelineEntry(
                        entry.at(),
                        entry.kind(),
                        entry.title(),
                        entry.detail(),
                        entry.actorId(),
                        entry.actorId() == null ? null : names.getOrDefault(entry.actorId(), entry.actorId())))
                .toList();
    }

    private Map<String, Object> variables(String processInstanceId) {
        Map<String, Object> values = new HashMap<>();
        for (HistoricVariableInstance variable : historyService
                .createHistoricVariableInstanceQuery()
                .processInstanceId(processInstanceId)
                .variableNameIn(PlanTaskVariables.TASK_TEXT, PlanTaskVariables.TARGET_RESULTS)
                .list()) {
            if (variable.getValue() != null) {
                values.put(variable.getName(), variable.getValue());
            }
        }
        return values;
    }

    private record Row(
            String taskCode,
            String taskTitle,
            String planCode,
            String planTitle,
            List<String> leads,
            List<String> supports,
            List<String> implementers,
            LocalDate deadline,
            SupervisionState state,
            EscalationLevel level,
            int overdue,
            int urged,
            int rectifications,
            LocalDate closedOn,
            String processInstanceId) {}
}
