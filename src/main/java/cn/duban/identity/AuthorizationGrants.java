package cn.duban.identity;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
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

    /**
     * The grants of the groups as they stand, read in one query while {@link #withGrantsOf} runs (this thread only):
     * a grant already in place, the usual case at a restart, is then confirmed without a query of its own.
     */
    private final ThreadLocal<Map<String, Integer>> standing = new ThreadLocal<>();

    /** Resources granted one instance at a time (every task's candidates): not read, there may be millions. */
    private static final List<Integer> PER_INSTANCE = List.of(
            Resources.TASK.resourceType(),
            Resources.HISTORIC_TASK.resourceType(),
            Resources.PROCESS_INSTANCE.resourceType(),
            Resources.HISTORIC_PROCESS_INSTANCE.resourceType());

    /**
     * Runs {@code work} (many grants and revocations) with the groups' standing grants read once, instead of once
     * per grant: start-up confirms hundreds of grants that are nearly always in place. Only what is in place is
     * taken from that reading; anything to add or take back is read and written as usual.
     */
    public void withGrantsOf(Collection<String> groupIds, Runnable work) {
        Map<String, Integer> grants = new HashMap<>();
        jdbc.sql("""
                        select group_id_, resource_type_, resource_id_, perms_ from act_ru_authorization
                         where type_ = :grant and group_id_ in (:groups)
                           and (resource_id_ = :any or resource_type_ not in (:perInstance))""")
                .param("grant", Authorization.AUTH_TYPE_GRANT)
                .param("groups", groupIds)
                .param("any", Authorization.ANY)
                .param("perInstance", PER_INSTANCE)
                .query(rows -> {
                    grants.put(key(rows.getString(1), rows.getInt(2), rows.getString(3)), rows.getInt(4));
                });
        standing.set(grants);
        try {
            work.run();
        } finally {
            standing.remove();
        }
    }

    public void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Integer known = standingPermissions(groupId, resource, resourceId);
        if (known != null && grantsAll(known, permissions)) {
            return;
        }
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
        if (standing.get() != null && isRead(resource, resourceId)) {
            Integer known = standingPermissions(groupId, resource, resourceId);
            if (known == null || grantsNone(known, permissions)) {
                return; // nothing of it granted
            }
        }
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

    private Integer standingPermissions(String groupId, Resource resource, String resourceId) {
        Map<String, Integer> grants = standing.get();
        return grants == null ? null : grants.get(key(groupId, resource.resourceType(), resourceId));
    }

    private static boolean isRead(Resource resource, String resourceId) {
        return Authorization.ANY.equals(resourceId) || !PER_INSTANCE.contains(resource.resourceType());
    }

    private static String key(String groupId, int resourceType, String resourceId) {
        return groupId + "\u0000" + resourceType + "\u0000" + resourceId;
    }

    private static boolean grantsAll(int granted, Permission[] permissions) {
        for (Permission permission : permissions) {
            if ((granted & permission.getValue()) != permission.getValue()) {
                return false;
            }
        }
        return true;
    }

    private static boolean grantsNone(int granted, Permission[] permissions) {
        for (Permission permission : permissions) {
            if ((granted & permission.getValue()) != 0) {
                return false;
            }
        }
        return true;
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
