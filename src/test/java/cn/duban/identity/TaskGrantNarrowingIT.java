package cn.duban.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.support.DubanTest;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An installation upgraded from before the engine guard: its open tasks still grant their candidates UPDATE, which
 * lets a unit rewrite a task's variables and identity links. At start-up those grants become TASK_WORK; the
 * administrators' grants and grants on every task stay as they are.
 */
@DubanTest
class TaskGrantNarrowingIT {

    @Autowired
    AccessRules accessRules;

    @Autowired
    AuthorizationService authorizationService;

    @Test
    void anOldCandidateGrantLosesUpdateAndKeepsWhatTheUnitNeeds() {
        Authorization unit = grant("finance", null, "old-task-1", Permissions.READ, Permissions.UPDATE);
        Authorization user = grant(null, "old-assignee", "old-task-2", Permissions.READ, Permissions.UPDATE);
        Authorization admin = grant(DubanGroups.CAMUNDA_ADMIN, null, "old-task-3", Permissions.UPDATE);

        assertThat(accessRules.narrowTaskGrants()).isGreaterThanOrEqualTo(2);

        for (Authorization narrowed : new Authorization[] {reread(unit), reread(user)}) {
            assertThat(narrowed.isPermissionGranted(Permissions.UPDATE)).isFalse();
            assertThat(narrowed.isPermissionGranted(Permissions.TASK_WORK)).isTrue();
            assertThat(narrowed.isPermissionGranted(Permissions.READ)).isTrue();
        }
        assertThat(reread(admin).isPermissionGranted(Permissions.UPDATE))
                .as("administrators keep theirs")
                .isTrue();
        assertThat(accessRules.narrowTaskGrants())
                .as("a second start changes nothing")
                .isZero();
    }

    private Authorization grant(
            String groupId,
            String userId,
            String taskId,
            org.camunda.bpm.engine.authorization.Permission... permissions) {
        Authorization authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        authorization.setGroupId(groupId);
        authorization.setUserId(userId);
        authorization.setResource(Resources.TASK);
        authorization.setResourceId(taskId);
        for (var permission : permissions) {
            authorization.addPermission(permission);
        }
        return authorizationService.saveAuthorization(authorization);
    }

    private Authorization reread(Authorization authorization) {
        return authorizationService
                .createAuthorizationQuery()
                .authorizationId(authorization.getId())
                .singleResult();
    }
}
