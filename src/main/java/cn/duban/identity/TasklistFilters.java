package cn.duban.identity;

import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Resources.FILTER;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/** The Tasklist filters every user finds ready: the unit's unclaimed tasks and the tasks claimed by the user. */
@Component
class TasklistFilters {

    static final String UNIT_UNCLAIMED = "待签收";
    static final String MY_TASKS = "我的待办";
    static final String DUE_SOON = "临期";
    static final String OVERDUE = "逾期";
    static final String TO_VERIFY = "待核验";
    static final String TO_APPROVE_CLOSURE = "待销号审批";
    static final String ALL_OVERDUE = "全部逾期";
    private static final String MY_UNITS = FilterExpressions.CURRENT_USER_GROUPS;

    /**
     * The variables each card shows under its name. What the engine cannot keep as a variable (working days left,
     * the escalation level, urges) the Tasklist plug-in {@code scripts/duban-cards.js} adds from /api/task-cards.
     */
    private static final List<Map<String, String>> CARD_VARIABLES = List.of(
            Map.of("name", "planTitle", "label", "所属计划"),
            Map.of("name", "taskCode", "label", "任务编号"),
            Map.of("name", "leadUnitNames", "label", "牵头单位"),
            Map.of("name", "deadlineText", "label", "完成时限"));
    /** Raised whenever the ready filters' query or properties change: a filter stored earlier is then rewritten. */
    static final int DEFINITION_VERSION = 2;

    private static final String VERSION_PROPERTY = "dubanVersion";

    private final FilterService filterService;
    private final TaskService taskService;
    private final AuthorizationGrants grants;

    TasklistFilters(FilterService filterService, TaskService taskService, AuthorizationGrants grants) {
        this.filterService = filterService;
        this.taskService = taskService;
        this.grants = grants;
    }

    /** Creates the filters every unit's users see that are missing, and returns their ids. */
    List<String> ensureFilters() {
        return List.of(
                ensure(
                        UNIT_UNCLAIMED,
                        -10,
                        "本单位尚未签收的任务",
                        taskService
                                .createTaskQuery()
                                .taskCandidateGroupInExpression(MY_UNITS)
                                .taskUnassigned()
                                .orderByDueDate()
                                .asc()
                                .orderByTaskCreateTime()
                                .asc()),
                ensure(
                        MY_TASKS,
                        -9,
                        "我已签收、正在办理的任务",
                        taskService
                                .createTaskQuery()
                                .taskAssigneeExpression(FilterExpressions.CURRENT_USER)
                                .orderByDueDate()
                                .asc()
                                .orderByTaskCreateTime()
                                .asc()),
                // Filters cannot count working days: 5 calendar days cover 3 working days but for long holidays.
                ensure(
                        DUE_SOON,
                        -8,
                        "本单位5日内到期的任务",
                        taskService
                                .createTaskQuery()
                                .taskCandidateGroupInExpression(MY_UNITS)
                                .includeAssignedTasks()
                                .dueAfterExpression(FilterExpressions.NOW)
                                .dueBeforeExpression(FilterExpressions.IN_FIVE_DAYS)
                                .orderByDueDate()
                                .asc()
                                .orderByTaskCreateTime()
                                .asc()),
                ensure(
                        OVERDUE,
                        -7,
                        "本单位已超过期限的任务",
                        taskService
                                .createTaskQuery()
                                .taskCandidateGroupInExpression(MY_UNITS)
                                .includeAssignedTasks()
                                .dueBeforeExpression(FilterExpressions.NOW)
                                .orderByDueDate()
                                .asc()
                                .orderByTaskCreateTime()
                                .asc()));
    }

    /** The supervision office's own filters: results waiting for inspection, and every overdue task. */
    List<String> ensureOfficeFilters() {
        return List.of(
                ensure(
                        TO_VERIFY,
                        -6,
                        "等待督查核验的办理结果",
                        taskService
                                .createTaskQuery()
                                .taskCandidateGroup(DubanGroups.SUPERVISION_OFFICE)
                                .includeAssignedTasks()
                                .taskDefinitionKey("UserTask_VerifyResult")
                                .orderByDueDate()
                                .asc()
                                .orderByTaskCreateTime()
                                .asc()),
                ensureAllOverdue());
    }

    /** The leaders' own filters: closures waiting for approval, and every overdue task. */
    List<String> ensureLeaderFilters() {
        return List.of(
                ensure(
                        TO_APPROVE_CLOSURE,
                        -6,
                        "等待销号审批的任务",
                        taskService
                                .createTaskQuery()
                                .taskCandidateGroup(DubanGroups.LEADERS)
                                .includeAssignedTasks()
                                .taskDefinitionKey("UserTask_ApproveClosure")
                                .orderByDueDate()
                                .asc()
                                .orderByTaskCreateTime()
                                .asc()),
                ensureAllOverdue());
    }

    private String ensureAllOverdue() {
        return ensure(
                ALL_OVERDUE,
                -5,
                "全部逾期任务（各单位）",
                taskService
                        .createTaskQuery()
                        .dueBeforeExpression(FilterExpressions.NOW)
                        .orderByDueDate()
                        .asc()
                        .orderByTaskCreateTime()
                        .asc());
    }

    void shareWith(String groupId, List<String> filterIds) {
        for (String filterId : filterIds) {
            grants.grant(groupId, FILTER, filterId, READ);
        }
    }

    private String ensure(String name, int priority, String description, TaskQuery query) {
        Filter existing = filterService.createFilterQuery().filterName(name).singleResult();
        if (existing != null && isCurrent(existing)) {
            return existing.getId();
        }
        // New, or stored by an older version (other cards, other order): written as this version defines it.
        Filter filter = (existing != null ? existing : filterService.newTaskFilter(name))
                .setQuery(query)
                .setProperties(Map.of(
                        "priority",
                        priority,
                        "description",
                        description,
                        "refresh",
                        true,
                        "variables",
                        CARD_VARIABLES,
                        VERSION_PROPERTY,
                        DEFINITION_VERSION));
        filterService.saveFilter(filter);
        return filter.getId();
    }

    private static boolean isCurrent(Filter filter) {
        Map<String, Object> properties = filter.getProperties();
        return properties != null
                && properties.get(VERSION_PROPERTY) instanceof Number version
                && version.intValue() >= DEFINITION_VERSION;
    }
}
