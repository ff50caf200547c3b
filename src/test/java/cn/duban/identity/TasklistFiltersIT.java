package cn.duban.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.dispatch.PlanTaskDispatcher;
import cn.duban.dispatch.ReportCycle;
import cn.duban.dispatch.TaskDispatchOrder;
import cn.duban.support.DubanTest;
import cn.duban.support.Orders;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every user finds ready filters in Tasklist; the supervision office and leaders also their own. */
@DubanTest
class TasklistFiltersIT {

    @Autowired
    FilterService filterService;

    @Autowired
    IdentityService identityService;

    @Autowired
    PlanTaskDispatcher dispatcher;

    @Autowired
    RuntimeService runtimeService;

    @AfterEach
    void logOut() {
        identityService.clearAuthentication();
    }

    @Test
    void eachRoleSeesItsFilters() {
        assertThat(filtersOf("some-unit-user", Orders.FINANCE.id()))
                .containsExactlyInAnyOrder("待签收", "我的待办", "临期", "逾期");
        assertThat(filtersOf("some-office-user", DubanGroups.SUPERVISION_OFFICE))
                .containsExactlyInAnyOrder("待签收", "我的待办", "临期", "逾期", "待核验", "全部逾期");
        assertThat(filtersOf("some-leader", DubanGroups.LEADERS))
                .containsExactlyInAnyOrder("待签收", "我的待办", "临期", "逾期", "待销号审批", "全部逾期");
    }

    @Test
    void theOverdueFilterShowsAUnitItsOwnOverdueTasksAndTheOfficeEveryone() {
        String code = Orders.freshCode("LATE");
        dispatcher.dispatch(new TaskDispatchOrder(
                "TEST-PLAN",
                "测试计划",
                code,
                null,
                "逾期的任务",
                "逾期的任务内容。",
                List.of(Orders.ECOLOGY),
                List.of(),
                List.of(),
                LocalDate.of(2020, 6, 30),
                ReportCycle.QUARTERLY));

        identityService.setAuthentication("eco-user", List.of(Orders.ECOLOGY.id()));
        assertThat(businessKeysIn("逾期")).contains(code);
        identityService.setAuthentication("fin-user", List.of(Orders.FINANCE.id()));
        assertThat(businessKeysIn("逾期")).doesNotContain(code);
        identityService.setAuthentication("office-user", List.of(DubanGroups.SUPERVISION_OFFICE));
        assertThat(businessKeysIn("全部逾期")).contains(code);
    }

    private List<String> filtersOf(String userId, String groupId) {
        identityService.setAuthentication(userId, List.of(groupId));
        return filterService.createTaskFilterQuery().list().stream()
                .map(Filter::getName)
                .toList();
    }

    /** The business keys of the tasks the current user sees in a filter. */
    private List<String> businessKeysIn(String filterName) {
        Filter filter = filterService.createFilterQuery().filterName(filterName).singleResult();
        List<String> instances = filterService.<Task>list(filter.getId()).stream()
                .map(Task::getProcessInstanceId)
                .toList();
        identityService.clearAuthentication();
        return instances.stream()
                .map(id -> runtimeService
                        .createProcessInstanceQuery()
                        .processInstanceId(id)
                        .singleResult()
                        .getBusinessKey())
                .toList();
    }
}
