package cn.duban.security;

import cn.duban.cluster.StartupLock;
import java.util.Arrays;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At every start-up: users created before {@link OwnAccountAuthorizationProvider} (Camunda's default gave each one
 * every permission on its own account) keep only READ on it. Running it again changes nothing.
 */
@Component
@Order(20)
class OwnAccountGrants implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(OwnAccountGrants.class);
    private static final int PAGE = 500;

    private final AuthorizationService authorizationService;
    private final StartupLock startupLock;

    OwnAccountGrants(AuthorizationService authorizationService, StartupLock startupLock) {
        this.authorizationService = authorizationService;
        this.startupLock = startupLock;
    }

    @Override
    public void run(ApplicationArguments args) {
        startupLock.runAlone(this::restrict);
    }

    /** How many users' grants on their own account were narrowed to READ. */
    int restrict() {
        int narrowed = 0;
        for (int first = 0; ; first += PAGE) {
            var page = authorizationService
                    .createAuthorizationQuery()
                    .resourceType(Resources.USER)
                    .authorizationType(Authorization.AUTH_TYPE_GRANT)
                    .orderByResourceId()
                    .asc()
                    .listPage(first, PAGE);
            for (Authorization grant : page) {
                if (grant.getUserId() != null && grant.getUserId().equals(grant.getResourceId()) && beyondRead(grant)) {
                    grant.setPermissions(OwnAccountAuthorizationProvider.OWN_ACCOUNT);
                    authorizationService.saveAuthorization(grant);
                    narrowed++;
                }
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        if (narrowed > 0) {
            log.info("{} users may no longer change or delete their own account (only read it)", narrowed);
        }
        return narrowed;
    }

    private static boolean beyondRead(Authorization grant) {
        return Arrays.stream(grant.getPermissions(Permissions.values()))
                .anyMatch(permission -> permission != Permissions.READ && permission != Permissions.NONE);
    }
}
