package cn.duban.identity;

import cn.duban.cluster.StartupLock;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Demo profile only: one user per unit, with the unit's id as user id and one shared demo password. */
@Component
@Profile("demo")
@Order(20)
class DemoUsers implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    private final UnitCatalog units;
    private final StartupLock startupLock;
    private final IdentityService identityService;
    private final String password;

    DemoUsers(
            UnitCatalog units,
            IdentityService identityService,
            @Value("${duban.demo.password}") String password,
            StartupLock startupLock) {
        this.startupLock = startupLock;
        this.units = units;
        this.identityService = identityService;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        startupLock.runAlone(this::setUp);
    }

    private void setUp() {
        int created = 0;
        for (Unit unit : units.all()) {
            if (identityService.createUserQuery().userId(unit.id()).count() > 0) {
                continue;
            }
            User user = identityService.newUser(unit.id());
            user.setFirstName(unit.name());
            user.setLastName("经办人");
            user.setEmail(unit.id() + "@duban.example");
            user.setPassword(password);
            identityService.saveUser(user);
            identityService.createMembership(unit.id(), unit.id());
            created++;
        }
        log.info("Demo users ready ({} created); each unit's user id is the unit id", created);
    }
}
