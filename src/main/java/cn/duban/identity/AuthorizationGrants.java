package cn.duban.identity;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.springframework.stereotype.Component;

/** Idempotent group grants: running them again at every start-up adds what is missing and changes nothing else. */
@Component
public class AuthorizationGrants {

    public static final String ANY = Authorization.ANY;

    private final AuthorizationService authorizationService;

    AuthorizationGrants(AuthorizationService authorizationService) {
        this.authorizationService = authorizationService;
    }

    public void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization authorization = authorizationService.createAuthorizationQuery()
                .groupIdIn(groupId)
                .resourceType(resource)
                .resourceId(resourceId)
                .authorizationType(Authorization.AUTH_TYPE_GRANT)
                .singleResult();
        if (authorization == null) {
            authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            authorization.setGroupId(groupId);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        } else if (grantsAll(authorization, permissions)) {
            return;
        }
        for (Permission permission : permissions) {
            authorization.addPermission(permission);
        }
        authorizationService.saveAuthorization(authorization);
    }

    /** Takes permissions back from a group's grant, if it has them; changes nothing else. */
    public void revoke(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization authorization = authorizationService.createAuthorizationQuery()
                .groupIdIn(groupId)
                .resourceType(resource)
                .resourceId(resourceId)
                .authorizationType(Authorization.AUTH_TYPE_GRANT)
                .singleResult();
        if (authorization == null) {
            return;
        }
        boolean changed = false;
        for (Permission permission : permissions) {
            if (authorization.isPermissionGranted(permission)) {
                authorization.removePermission(permission);
                changed = true;
            }
        }
        if (changed) {
            authorizationService.saveAuthorization(authorization);
        }
    }

    /**
     * Replaces {@code wide} by {@code narrow} in every grant on {@code resource} (users' and groups' alike) but
     * {@code exceptGroup}'s; returns how many grants changed.
     */
    public int narrowEveryGrant(Resource resource, Permission wide, Permission narrow, String exceptGroup) {
        int changed = 0;
        for (Authorization authorization : authorizationService.createAuthorizationQuery().resourceType(resource)
                .authorizationType(Authorization.AUTH_TYPE_GRANT).hasPermission(wide).list()) {
            if (exceptGroup.equals(authorization.getGroupId()) || Authorization.ANY.equals(authorization.getResourceId())) {
                continue;
            }
            authorization.removePermission(wide);
            authorization.addPermission(narrow);
            authorizationService.saveAuthorization(authorization);
            changed++;
        }
        return changed;
    }

    private static boolean grantsAll(Authorization authorization, Permission[] permissions) {
        for (Permission permission : permissions) {
            if (!authorization.isPermissionGranted(permission)) {
                return false;
            }
        }
        return true;
    }
}
