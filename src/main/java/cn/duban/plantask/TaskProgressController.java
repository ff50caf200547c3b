package cn.duban.plantask;

import cn.duban.identity.AsSystem;
import cn.duban.identity.DubanGroups;
import cn.duban.identity.GroupAuthorities;
import cn.duban.identity.People;
import cn.duban.supervision.EscalationLevel;
import cn.duban.supervision.SupervisionState;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/plan-tasks/{code}/progress}: the task's page for the units working on it (办理进度). The lead unit
 * sees which support units have contributed and which implementing units have reported, with their texts, and which
 * not yet; a support or implementing unit sees where the task stands and its own part; the office and leaders all.
 */
@RestController
@Tag(name = "督办任务")
class TaskProgressController {

    private static final Set<String> OVERSEERS =
            Set.of(DubanGroups.SUPERVISION_OFFICE, DubanGroups.LEADERS, DubanGroups.CAMUNDA_ADMIN);

    private final JdbcClient jdbc;
    private final Contributions contributions;
    private final LocalReports localReports;
    private final People people;
    private final TaskService taskService;
    private final IdentityService identityService;

    TaskProgressController(
            JdbcClient jdbc,
            Contributions contributions,
            LocalReports localReports,
            People people,
            TaskService taskService,
            IdentityService identityService) {
        this.jdbc = jdbc;
        this.contributions = contributions;
        this.localReports = localReports;
        this.people = people;
        this.taskService = taskService;
        this.identityService = identityService;
    }

    @GetMapping("/api/plan-tasks/{code}/progress")
    @Operation(summary = "办理进度：配合单位和落实单位是否已报送及其内容，任务当前所处环节")
    TaskProgress progress(@PathVariable String code, Authentication caller) {
        Facts facts = facts(code);
        Map<String, List<String>> roles = roles(code);
        List<String> groups = GroupAuthorities.groupIds(caller);
        boolean overseer = groups.stream().anyMatch(OVERSEERS::contains);
        boolean accountable = overseer
                || groups.stream()
                        .anyMatch(g -> roles.getOrDefault(g, List.of()).stream().anyMatch(role -> role.equals("LEAD")));
        boolean involved = accountable || groups.stream().anyMatch(roles::containsKey);
        if (!involved) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有承办本任务的单位、督查办和领导可以查看办理进度");
        }
        Map<String, String> unitNames = unitNames();
        Map<String, Contributions.Contribution> contributed = contributions.of(code).stream()
                .collect(Collectors.toMap(
                        Contributions.Contribution::unitId, Function.identity(), (first, later) -> later));
        Map<String, LocalReports.LocalReport> reported = localReports.of(code).stream()
                .collect(Collectors.toMap(
                        LocalReports.LocalReport::unitId, Function.identity(), (first, later) -> later));
        Map<String, String> names = people.labels(Stream.concat(
                        contributed.values().stream().map(Contributions.Contribution::reportedBy),
                        reported.values().stream().map(LocalReports.LocalReport::reportedBy))
                .toList());
        List<TaskProgress.Part> supports = new ArrayList<>();
        List<TaskProgress.Part> implementers = new ArrayList<>();
        roles.forEach((unitId, unitRoles) -> {
            if (!accountable && !groups.contains(unitId)) {
                return;
            }
            String unitName = unitNames.getOrDefault(unitId, unitId);
            if (unitRoles.contains("SUPPORT")) {
                Contributions.Contribution c = contributed.get(unitId);
                supports.add(
                        c == null
                                ? TaskProgress.Part.notYet(unitId, unitName)
                                : new TaskProgress.Part(
                                        unitId,
                                        unitName,
                                        c.declined() ? "无法配合" : "已报送",
                                        true,
                                        c.content(),
                                        c.evidence(),
                                        names.getOrDefault(c.reportedBy(), c.reportedBy()),
                                        c.reportedAt()));
            }
            if (unitRoles.contains("IMPLEMENTING")) {
                LocalReports.LocalReport r = reported.get(unitId);
                implementers.add(
                        r == null
                                ? TaskProgress.Part.notYet(unitId, unitName)
                                : new TaskProgress.Part(
                                        unitId,
                                        unitName,
                                        "已报送",
                                        true,
                                        r.progress(),
                                        r.evidence(),
                                        names.getOrDefault(r.reportedBy(), r.reportedBy()),
                                        r.reportedAt()));
            }
        });
        List<String> leads = roles.entrySet().stream()
                .filter(e -> e.getValue().contains("LEAD"))
                .map(e -> unitNames.getOrDefault(e.getKey(), e.getKey()))
                .toList();
        return new TaskProgress(
                code,
                facts.title(),
                facts.planTitle(),
                facts.deadline(),
                facts.state().chineseName(),
                facts.level().chineseName(),
                facts.overdue(),
                openSteps(facts.processInstanceId()),
                leads,
                supports,
                implementers,
                !accountable,
                overseer);
    }

    /** The steps open now, each with who holds it ("报送办理结果：… · 王建国（州生态环境局）") or 待签收. */
    private List<String> openSteps(String processInstanceId) {
        if (processInstanceId == null) {
            return List.of();
        }
        List<Task> open = AsSystem.call(
                identityService,
                () -> taskService
                        .createTaskQuery()
                        .processInstanceId(processInstanceId)
                        .orderByTaskCreateTime()
                        .asc()
                        .list());
        Map<String, String> holders = people.labels(
                open.stream().map(Task::getAssignee).filter(a -> a != null).toList());
        return open.stream()
                .map(task -> task.getName() + " · "
                        + (task.getAssignee() == null ? "待签收" : holders.get(task.getAssignee()) + "办理中"))
                .toList();
    }

    private Facts facts(String code) {
        return jdbc.sql("""
                        select task_title, plan_title, deadline, state, escalation_level, working_days_overdue,
                               process_instance_id
                        from duban.supervised_task where task_code = ?""")
                .param(code)
                .query((rs, row) -> new Facts(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getObject(3, LocalDate.class),
                        SupervisionState.valueOf(rs.getString(4)),
                        EscalationLevel.valueOf(rs.getString(5)),
                        rs.getInt(6),
                        rs.getString(7)))
                .optional()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "没有编号为“" + code + "”的任务"));
    }

    /** The task's units as supervision records them now (after any change of lead unit), each with its roles. */
    private Map<String, List<String>> roles(String code) {
        Map<String, List<String>> roles = new LinkedHashMap<>();
        jdbc.sql("""
                        select u.unit_id, u.role from duban.supervised_task s,
                            lateral (select l.id, 'LEAD', 1, l.n from unnest(s.lead_unit_ids) with ordinality l (id, n)
                                     union all
                                     select p.id, 'SUPPORT', 2, p.n
                                     from unnest(s.support_unit_ids) with ordinality p (id, n)
                                     union all
                                     select i.id, 'IMPLEMENTING', 3, i.n
                                     from unnest(s.implementing_unit_ids) with ordinality i (id, n))
                                as u (unit_id, role, kind, n)
                        where s.task_code = ?
                        order by u.kind, u.n""")
                .param(code)
                .query((rs, row) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list()
                .forEach(entry -> roles.computeIfAbsent(entry.getKey(), id -> new ArrayList<>())
                        .add(entry.getValue()));
        return roles;
    }

    private Map<String, String> unitNames() {
        return jdbc
                .sql("select id, name from duban.unit_directory")
                .query((rs, row) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
    }

    private record Facts(
            String title,
            String planTitle,
            LocalDate deadline,
            SupervisionState state,
            EscalationLevel level,
            int overdue,
            String processInstanceId) {}
}
