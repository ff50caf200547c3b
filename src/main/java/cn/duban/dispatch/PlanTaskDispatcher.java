package cn.duban.dispatch;

import static cn.duban.plantask.PlanTaskVariables.DEADLINE;
import static cn.duban.plantask.PlanTaskVariables.DEADLINE_TEXT;
import static cn.duban.plantask.PlanTaskVariables.IMPLEMENTING_UNITS;
import static cn.duban.plantask.PlanTaskVariables.IMPLEMENTING_UNIT_NAMES;
import static cn.duban.plantask.PlanTaskVariables.LEAD_UNITS;
import static cn.duban.plantask.PlanTaskVariables.LEAD_UNIT_NAMES;
import static cn.duban.plantask.PlanTaskVariables.PLAN_CODE;
import static cn.duban.plantask.PlanTaskVariables.PLAN_TITLE;
import static cn.duban.plantask.PlanTaskVariables.SECTION;
import static cn.duban.plantask.PlanTaskVariables.SUPPORT_UNITS;
import static cn.duban.plantask.PlanTaskVariables.SUPPORT_UNIT_NAMES;
import static cn.duban.plantask.PlanTaskVariables.TASK_CODE;
import static cn.duban.plantask.PlanTaskVariables.TASK_TEXT;
import static cn.duban.plantask.PlanTaskVariables.TASK_TITLE;

import cn.duban.identity.AsSystem;
import cn.duban.identity.TransactionMemo;
import cn.duban.identity.Unit;
import cn.duban.plantask.DueDates;
import cn.duban.plantask.PlanTaskProcess;
import cn.duban.plantask.PlanTaskVariables;
import cn.duban.taskform.ChineseDates;
import cn.duban.taskform.LongText;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

/** Starts one plan-task process instance per plan task; the business key is the task's code. */
@Service
public class PlanTaskDispatcher {

    private final RuntimeService runtimeService;
    private final DueDates dueDates;

    private final IdentityService identityService;
    private final RepositoryService repositoryService;
    private final TransactionMemo memo = new TransactionMemo();
    private final CommandExecutor commandExecutor;

    PlanTaskDispatcher(
            RuntimeService runtimeService,
            DueDates dueDates,
            IdentityService identityService,
            RepositoryService repositoryService,
            ProcessEngineConfigurationImpl engineConfiguration) {
        this.commandExecutor = engineConfiguration.getCommandExecutorTxRequired();
        this.identityService = identityService;
        this.runtimeService = runtimeService;
        this.dueDates = dueDates;
        this.repositoryService = repositoryService;
    }

    /**
     * Starts the instance in the caller's transaction (its first step, 纳入督办, puts the task under supervision) and
     * returns its id. Started as the system: who may dispatch was checked before (an import by the supervision office,
     * a publication approved by a leader); nobody may start plan-task directly, which would skip the plan's checks
     * and records.
     */
    public String dispatch(TaskDispatchOrder order) {
        return AsSystem.call(identityService, () -> start(latestDefinitionId(), order));
    }

    /**
     * Starts the instances of a plan's tasks, as {@link #dispatch} would each, in the caller's transaction and in one
     * engine command: the engine writes what all of them start with together (one batch per table at the end, instead
     * of one per task), and reads the definitions they share once. Returns the instance ids in the orders' order.
     */
    public List<String> dispatchAll(List<TaskDispatchOrder> orders) {
        return AsSystem.call(
                identityService,
                () -> commandExecutor.execute(commandContext -> {
                    String definitionId = latestDefinitionId();
                    List<String> ids = new ArrayList<>(orders.size());
                    for (TaskDispatchOrder order : orders) {
                        ids.add(start(definitionId, order));
                    }
                    return ids;
                }));
    }

    private String start(String definitionId, TaskDispatchOrder order) {
        return runtimeService
                .createProcessInstanceById(definitionId)
                .businessKey(order.taskCode())
                .setVariables(variables(order))
                .execute()
                .getId();
    }

    /**
     * The latest version of plan-task, looked up once per transaction (a plan's tasks all start the same version, as
     * starting by key would have chosen for each within the transaction).
     */
    private String latestDefinitionId() {
        return memo.get(
                "plan-task",
                () -> repositoryService
                        .createProcessDefinitionQuery()
                        .processDefinitionKey(PlanTaskProcess.KEY)
                        .latestVersion()
                        .singleResult()
                        .getId());
    }

    private VariableMap variables(TaskDispatchOrder order) {
        VariableMap variables = Variables.createVariables();
        if (order.dueSoonWorkingDays() != null) {
            variables.putValue(PlanTaskVariables.DUE_SOON_WORKING_DAYS, order.dueSoonWorkingDays());
        }
        if (order.overdueReminderWorkingDays() != null) {
            variables.putValue(PlanTaskVariables.OVERDUE_REMINDER_WORKING_DAYS, order.overdueReminderWorkingDays());
        }
        if (order.startDate() != null) {
            variables.putValue(PlanTaskVariables.START_DATE, order.startDate().toString());
        }
        if (!order.milestones().isEmpty()) {
            variables.putValueTyped(
                    PlanTaskVariables.MILESTONES,
                    LongText.of(order.milestones().stream()
                            .map(milestone ->
                                    milestone.due() + "|" + milestone.text().replace('\n', ' '))
                            .collect(Collectors.joining("\n"))));
        }
        if (!order.targets().isEmpty()) {
            variables.putValueTyped(PlanTaskVariables.TARGETS_TEXT, LongText.of(String.join("\n", order.targets())));
        }
        return variables
                .putValue(PLAN_CODE, order.planCode())
                .putValue(PLAN_TITLE, order.planTitle())
                .putValue(TASK_CODE, order.taskCode())
                .putValue(SECTION, order.section())
                .putValue(TASK_TITLE, order.title())
                .putValueTyped(TASK_TEXT, LongText.of(order.text()))
                .putValue(LEAD_UNITS, ids(order.leadUnits()))
                .putValue(LEAD_UNIT_NAMES, names(order.leadUnits()))
                .putValue(SUPPORT_UNITS, ids(order.supportUnits()))
                .putValue(SUPPORT_UNIT_NAMES, order.supportUnits().isEmpty() ? "无" : names(order.supportUnits()))
                .putValue(IMPLEMENTING_UNITS, ids(order.implementingUnits()))
                .putValue(
                        IMPLEMENTING_UNIT_NAMES,
                        order.implementingUnits().isEmpty() ? "无" : names(order.implementingUnits()))
                .putValue(DEADLINE, dueDates.endOf(order.deadline()))
                .putValue(
                        PlanTaskVariables.PROGRESS_REPORT_CYCLE,
                        order.reportCycle().cron())
                .putValue(DEADLINE_TEXT, ChineseDates.of(order.deadline()))
                // Always written, so that every rule of the escalation ladder can be reached (约束性 or not).
                .putValue(PlanTaskVariables.BINDING, order.binding());
    }

    private static String ids(List<Unit> units) {
        return units.stream().map(Unit::id).collect(Collectors.joining(","));
    }

    private static String names(List<Unit> units) {
        return units.stream().map(Unit::name).collect(Collectors.joining("、"));
    }
}
