package cn.duban.operations;

import cn.duban.identity.AsSystem;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/** {@code engine}: the process engine answers and the plan-task process is deployed (DOWN without the database). */
@Component
class EngineHealthIndicator extends AbstractHealthIndicator {

    private static final String PLAN_TASK = "plan-task";

    private final ProcessEngine engine;
    private final RepositoryService repositoryService;
    private final IdentityService identityService;
    private final DatabaseProbe database;

    EngineHealthIndicator(
            ProcessEngine engine,
            RepositoryService repositoryService,
            IdentityService identityService,
            DatabaseProbe database) {
        super("process engine check failed");
        this.engine = engine;
        this.repositoryService = repositoryService;
        this.identityService = identityService;
        this.database = database;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        if (!database.reachable()) {
            // The engine would wait for the connection pool; the probe has already said why.
            builder.down().withDetail("error", "the database does not answer").withDetail("name", engine.getName());
            return;
        }
        long versions = AsSystem.call(
                identityService,
                () -> repositoryService
                        .createProcessDefinitionQuery()
                        .processDefinitionKey(PLAN_TASK)
                        .count());
        (versions > 0 ? builder.up() : builder.down().withDetail("error", "process plan-task is not deployed"))
                .withDetail("name", engine.getName())
                .withDetail("planTaskVersions", versions);
    }
}
