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

    private static final List<Map<String, String>> CARD_VARIABLES = List.of(
            Map.of("name", "taskCode", "label", "任务编号"),
            Map.of("name", "leadUnitNames", "label", "牵头单位"),
            Map.of("name", "deadlineText", "label", "完成时限"));

    private final FilterService filterService;
    private final TaskService taskService;
    private final AuthorizationGrants grants;

    TasklistFilters(FilterService filterService, TaskService taskService, AuthorizationGrants grants) {
        this.filterService = filterService;
        this.taskService = taskService;
        this.grants = grants;
    }

    /** Creates the filters that are missing and returns their ids. */
    List<String> ensureFilters() {
        String unclaimed = ensure(UNIT_UNCLAIMED, -10, "本单位尚未签收的任务",
                taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                        .taskUnassigned().orderByDueDate().asc());
        String mine = ensure(MY_TASKS, -5, "我已签收、正在办理的任务",
                taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc());
        return List.of(unclaimed, mine);
    }

    void shareWith(String groupId, List<String> filterIds) {
        for (String filterId : filterIds) {
            grants.grant(groupId, FILTER, filterId, READ);
        }
    }

    private String ensure(String name, int priority, String description, TaskQuery query) {
        Filter existing = filterService.createFilterQuery().filterName(name).singleResult();
        if (existing != null) {
            return existing.getId();
        }
        Filter filter = filterService.newTaskFilter(name)
                .setQuery(query)
                .setProperties(Map.of(
                        "priority", priority,
                        "description", description,
                        "refresh", true,
                        "variables", CARD_VARIABLES));
        filterService.saveFilter(filter);
        return filter.getId();
    }
}
