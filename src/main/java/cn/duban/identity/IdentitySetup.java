package cn.duban.identity;

import cn.duban.cluster.StartupLock;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** At every start-up: unit groups, their permissions, the ready Tasklist filters and the first administrator. */
@Component
@Order(10)
class IdentitySetup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(IdentitySetup.class);

    private final UnitGroupSynchronizer groups;
    private final StartupLock startupLock;
    private final UnitCatalog units;
    private final AccessRules accessRules;
    private final TasklistFilters filters;
    private final IdentityService identityService;
    private final AdminAccountProperties admin;
    private final AuthorizationGrants grants;

    IdentitySetup(
            UnitGroupSynchronizer groups,
            UnitCatalog units,
            AccessRules accessRules,
            TasklistFilters filters,
            IdentityService identityService,
            AdminAccountProperties admin,
            AuthorizationGrants grants,
            StartupLock startupLock) {
        this.grants = grants;
        this.startupLock = startupLock;
        this.groups = groups;
        this.units = units;
        this.accessRules = accessRules;
        this.filters = filters;
        this.identityService = identityService;
        this.admin = admin;
    }

    @Override
    public void run(ApplicationArguments args) {
        startupLock.runAlone(() -> {
            List<String> groupIds =
                    new ArrayList<>(units.all().stream().map(Unit::id).toList());
            groupIds.addAll(List.of(
                    DubanGroups.SUPERVISION_OFFICE,
                    DubanGroups.LEADERS,
                    DubanGroups.CAMUNDA_ADMIN,
                    DubanGroups.MONITORING));
            // Hundreds of grants, nearly all in place at a restart: confirmed from one reading.
            grants.withGrantsOf(groupIds, this::setUp);
        });
    }

    private void setUp() {
        groups.synchronize();
        List<String> filterIds = filters.ensureFilters();
        for (Unit unit : units.all()) {
            accessRules.grantUnitDefaults(unit.id());
            filters.shareWith(unit.id(), filterIds);
        }
        accessRules.grantSupervisionOffice();
        accessRules.grantLeaders();
        filters.shareWith(DubanGroups.SUPERVISION_OFFICE, filters.ensureOfficeFilters());
        filters.shareWith(DubanGroups.LEADERS, filters.ensureLeaderFilters());
        ensureSystemGroup(DubanGroups.CAMUNDA_ADMIN, "系统管理员");
        ensureSystemGroup(DubanGroups.MONITORING, "运维监控");
        accessRules.grantAdministrators();
        int narrowed = accessRules.narrowTaskGrants();
        if (narrowed > 0) {
            log.info("Narrowed {} task grants from UPDATE to TASK_WORK", narrowed);
        }
        if (admin.configured()) {
            ensureAdministrator();
        } else if (identityService
                        .createUserQuery()
                        .memberOfGroup(DubanGroups.CAMUNDA_ADMIN)
                        .count()
                == 0) {
            log.warn("No administrator exists: set DUBAN_ADMIN_USER and DUBAN_ADMIN_PASSWORD to create the first one");
        }
    }

    private void ensureSystemGroup(String groupId, String name) {
        if (identityService.createGroupQuery().groupId(groupId).count() == 0) {
            Group group = identityService.newGroup(groupId);
            group.setName(name);
            group.setType("SYSTEM");
            identityService.saveGroup(group);
        }
    }

    private void ensureAdministrator() {
        if (admin.password() == null || admin.password().isBlank()) {
            throw new IllegalStateException(
                    "DUBAN_ADMIN_USER is set but DUBAN_ADMIN_PASSWORD is empty: set a password for the first administrator");
        }
        if (identityService.createUserQuery().userId(admin.user()).count() > 0) {
            return;
        }
        User user = identityService.newUser(admin.user());
        user.setFirstName("系统");
        user.setLastName("管理员");
        user.setPassword(admin.password());
        identityService.saveUser(user);
        identityService.createMembership(admin.user(), DubanGroups.CAMUNDA_ADMIN);
        log.info("Created administrator '{}'", admin.user());
    }
}
