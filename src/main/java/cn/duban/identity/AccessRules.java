package cn.duban.identity;

import static cn.duban.identity.AuthorizationGrants.ANY;
import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.ALL;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.Permissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ_TASK;
import static org.camunda.bpm.engine.authorization.Permissions.TASK_WORK;
import static org.camunda.bpm.engine.authorization.Permissions.UPDATE;
import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.DEPLOYMENT;
import static org.camunda.bpm.engine.authorization.Resources.GROUP;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.USER;

import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;

/**
 * Who may do what, granted per group at start-up. A unit's users see and work only on tasks for which their unit
 * is a candidate (the engine grants those per task); the supervision office and leaders oversee every process.
 */
@Component
class AccessRules {

    static final String PLAN_TASK_PROCESS = "plan-task";
    static final String INDICATOR_REPORT_PROCESS = "indicator-report";
    static final String PLAN_INTAKE_PROCESS = "plan-intake";

    private final AuthorizationGrants grants;

    AccessRules(AuthorizationGrants grants) {
        this.grants = grants;
    }

    void grantUnitDefaults(String groupId) {
        grants.grant(groupId, APPLICATION, "tasklist", ACCESS);
        grants.grant(groupId, PROCESS_DEFINITION, PLAN_TASK_PROCESS, READ);
        grants.grant(groupId, PROCESS_DEFINITION, INDICATOR_REPORT_PROCESS, READ);
        grants.grant(groupId, GROUP, ANY, READ);
        grants.grant(groupId, USER, ANY, READ);
    }

    void grantSupervisionOffice() {
        String office = DubanGroups.SUPERVISION_OFFICE;
        grants.grant(office, PROCESS_DEFINITION, ANY, READ, READ_INSTANCE, READ_HISTORY, READ_TASK);
        grants.grant(office, PROCESS_DEFINITION, PLAN_INTAKE_PROCESS, CREATE_INSTANCE);
        // Plan tasks are dispatched only by an import or a published draft, which check the plan and record it, and
        // their variables (deadline, lead units, …) change only through the steps that record why (an extension a
        // leader approved, an inspection, a reassignment). Earlier versions granted both on every process.
        grants.revoke(
                office,
                PROCESS_DEFINITION,
                ANY,
                CREATE_INSTANCE,
                ProcessDefinitionPermissions.UPDATE_INSTANCE_VARIABLE);
        grants.grant(office, PROCESS_INSTANCE, ANY, READ, CREATE);
        grants.grant(office, DEPLOYMENT, ANY, READ);
        grants.grant(office, APPLICATION, "cockpit", ACCESS);
    }

    void grantLeaders() {
        String leaders = DubanGroups.LEADERS;
        grants.grant(leaders, PROCESS_DEFINITION, ANY, READ, READ_INSTANCE, READ_HISTORY, READ_TASK);
        grants.grant(leaders, PROCESS_INSTANCE, ANY, READ);
        grants.grant(leaders, DEPLOYMENT, ANY, READ);
        grants.grant(leaders, APPLICATION, "cockpit", ACCESS);
    }

    /**
     * Tasks created before Duban gave their candidates {@code TASK_WORK} (see the engine guard) still grant them
     * {@code UPDATE}, which lets a unit rewrite the task's variables and identity links: narrowed at start-up.
     */
    int narrowTaskGrants() {
        return grants.narrowEveryGrant(Resources.TASK, UPDATE, TASK_WORK, DubanGroups.CAMUNDA_ADMIN);
    }

    void grantAdministrators() {
        for (Resources resource : Resources.values()) {
            grants.grant(DubanGroups.CAMUNDA_ADMIN, resource, ANY, ALL);
        }
    }
}
