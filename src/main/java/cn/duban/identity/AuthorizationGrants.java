package cn.duban.identity;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Idempotent group grants: running them again at every start-up adds what is missing and changes nothing else. */
@Component
class AuthorizationGrants {

    public static final String ANY = Authorization.ANY;

    private final AuthorizationService authorizationService;
    private final JdbcClient jdbc;

    AuthorizationGrants(AuthorizationService authorizationService, JdbcClient jdbc) {
        this.authorizationService = authorizationService;
        this.jdbc = jdbc;
    }

    public void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization authorization = authorizationService
                .createAuthorizationQuery()
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
        Authorization authorization = authorizationService
                .createAuthorizationQuery()
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
     * Replaces {@code wide} by {@code narrow} in every grant on single resources of {@code resource} (users' and
     * groups' alike) but {@code exceptGroup}'s; returns how many grants changed. One statement, not a save per grant:
     * an installation upgraded with a hundred thousand open tasks starts in seconds. The engine reads grants from
     * the table at every check, so nothing is cached to refresh.
     */
    public int narrowEveryGrant(Resource resource, Permission wide, Permission narrow, String exceptGroup) {
        return jdbc.sql("""
                        update act_ru_authorization
                           set perms_ = (perms_ & ~:wide) | :narrow, rev_ = rev_ + 1
                         where type_ = :grant and resource_type_ = :resource and (perms_ & :wide) = :wide
                           and resource_id_ <> :any and group_id_ is distinct from :exceptGroup""")
                .param("wide", wide.getValue())
                .param("narrow", narrow.getValue())
                .param("grant", Authorization.AUTH_TYPE_GRANT)
                .param("resource", resource.resourceType())
                .param("any", Authorization.ANY)
                .param("exceptGroup", exceptGroup)
                .update();
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
