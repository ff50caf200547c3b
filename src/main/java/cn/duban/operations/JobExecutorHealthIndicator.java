package cn.duban.operations;

import cn.duban.identity.AsSystem;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * {@code jobExecutor}: the backlog of jobs that are due now (the daily supervision checks, asynchronous steps) and
 * how long the oldest has waited, whether this node's job executor runs, and the jobs that failed for good. DOWN only
 * when this node's job executor should run and has stopped, or the database does not answer: a backlog is the whole
 * cluster's, and taking a node out of the load balancer would not drain it (alert on
 * {@code duban_jobs_backlog_oldest_seconds} instead).
 */
@Component
class JobExecutorHealthIndicator extends AbstractHealthIndicator {

    private final JobBacklog backlog;
    private final IdentityService identityService;
    private final ObjectProvider<JobExecutor> jobExecutor;
    private final DatabaseProbe database;

    JobExecutorHealthIndicator(
            JobBacklog backlog,
            IdentityService identityService,
            ObjectProvider<JobExecutor> jobExecutor,
            DatabaseProbe database) {
        super("job executor check failed");
        this.backlog = backlog;
        this.identityService = identityService;
        this.jobExecutor = jobExecutor;
        this.database = database;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        if (!database.reachable()) {
            // No job runs without the database; the backlog cannot be read either.
            builder.down().withDetail("error", "the database does not answer");
            return;
        }
        JobBacklog.Figures figures = AsSystem.call(identityService, backlog::figures);
        JobExecutor executor = jobExecutor.getIfAvailable();
        boolean stopped = executor != null && !executor.isActive();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("executorOnThisNode", executor == null ? "disabled" : executor.isActive() ? "active" : "stopped");
        details.put("backlog", figures.dueNow());
        Date oldest = figures.oldestDue();
        if (oldest != null) {
            details.put("oldestDue", oldest.toInstant().toString());
            details.put(
                    "oldestWaitingSeconds",
                    Math.max(
                            0,
                            Duration.between(oldest.toInstant(), Instant.now()).toSeconds()));
        }
        details.put("failedJobs", figures.failed());
        (stopped ? builder.down().withDetail("error", "the job executor of this node has stopped") : builder.up())
                .withDetails(details);
    }
}
