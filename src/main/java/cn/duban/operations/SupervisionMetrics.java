package cn.duban.operations;

import cn.duban.dashboard.DashboardCounts;
import cn.duban.identity.AsSystem;
import cn.duban.notification.DeliveryBacklog;
import cn.duban.notification.NotificationChannel;
import cn.duban.supervision.EscalationLevel;
import cn.duban.supervision.SupervisionState;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Supervision figures for Prometheus, read through the owning modules from what every node shares (the dashboard's
 * counts, supervision's published {@code duban.escalation_count}, the notification outbox) and the engine's jobs.
 * Every node reports the same
 * cluster-wide numbers (aggregate with {@code max}, not {@code sum}); one scrape reads them at most every
 * {@link #FRESH_FOR}.
 */
@Component
class SupervisionMetrics implements MeterBinder {

    static final Duration FRESH_FOR = Duration.ofSeconds(10);

    private final JdbcClient jdbc;
    private final JobBacklog jobs;
    private final IdentityService identityService;
    private final List<String> channels;
    private final DashboardCounts counts;
    private final DeliveryBacklog outbox;
    private volatile Snapshot snapshot;

    SupervisionMetrics(
            JdbcClient jdbc,
            JobBacklog jobs,
            IdentityService identityService,
            List<NotificationChannel> channels,
            DashboardCounts counts,
            DeliveryBacklog outbox) {
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.identityService = identityService;
        this.channels =
                channels.stream().map(NotificationChannel::name).sorted().toList();
        this.counts = counts;
        this.outbox = outbox;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (SupervisionState state : SupervisionState.values()) {
            Gauge.builder(
                            "duban.tasks",
                            this,
                            metrics -> metrics.current().byState().getOrDefault(state.name(), 0L))
                    .description("Plan tasks by supervision state")
                    .tag("state", state.name())
                    .register(registry);
        }
        Gauge.builder(
                        "duban.tasks.overdue",
                        this,
                        metrics -> metrics.current().byState().getOrDefault(SupervisionState.OVERDUE.name(), 0L))
                .description("Plan tasks past their deadline and still with the units (逾期)")
                .register(registry);
        for (EscalationLevel level : EscalationLevel.values()) {
            Gauge.builder(
                            "duban.tasks.escalation",
                            this,
                            metrics -> metrics.current().openByLevel().getOrDefault(level.name(), 0L))
                    .description("Open plan tasks by escalation level")
                    .tag("level", level.name())
                    .register(registry);
            FunctionCounter.builder(
                            "duban.escalations",
                            this,
                            metrics -> metrics.current().escalationsByLevel().getOrDefault(level.name(), 0L))
                    .description("Escalations recorded, by the level reached")
                    .tag("level", level.name())
                    .register(registry);
        }
        for (String channel : channels) {
            Gauge.builder(
                            "duban.notifications.failed",
                            this,
                            metrics -> metrics.current().failedByChannel().getOrDefault(channel, 0L))
                    .description("Notifications given up after the last retry")
                    .tag("channel", channel)
                    .register(registry);
            Gauge.builder(
                            "duban.notifications.retrying",
                            this,
                            metrics -> metrics.current().retryingByChannel().getOrDefault(channel, 0L))
                    .description("Notifications that failed and wait for a retry")
                    .tag("channel", channel)
                    .register(registry);
        }
        Gauge.builder(
                        "duban.jobs.backlog",
                        this,
                        metrics -> metrics.current().jobs().dueNow())
                .description("Engine jobs due now and waiting for a job executor")
                .register(registry);
        Gauge.builder(
                        "duban.jobs.backlog.oldest",
                        this,
                        metrics -> metrics.current().oldestJobWaitingSeconds())
                .description("How long the oldest due job has waited")
                .baseUnit("seconds")
                .register(registry);
        Gauge.builder(
                        "duban.jobs.failed",
                        this,
                        metrics -> metrics.current().jobs().failed())
                .description("Engine jobs failed with no retries left (incidents)")
                .register(registry);
    }

    /** Drops the figures read last, so that the next scrape reads them afresh. */
    void forget() {
        snapshot = null;
    }

    private Snapshot current() {
        Snapshot last = snapshot;
        if (last == null || last.takenAt().plus(FRESH_FOR).isBefore(Instant.now())) {
            last = take();
            snapshot = last;
        }
        return last;
    }

    private Snapshot take() {
        // The dashboard's counts (folded totals plus deltas): no scan of the task rows, however many there are.
        Map<String, Long> byState = new HashMap<>();
        Map<String, Long> openByLevel = new HashMap<>();
        counts.read(null, count -> {
            byState.merge(count.state(), count.tasks(), Long::sum);
            if (!SupervisionState.CLOSED.name().equals(count.state())) {
                openByLevel.merge(count.level(), count.tasks(), Long::sum);
            }
        });
        Map<String, Long> escalations = counts("select level, escalations from duban.escalation_count");
        JobBacklog.Figures figures = AsSystem.call(identityService, jobs::figures);
        return new Snapshot(
                Instant.now(),
                byState,
                openByLevel,
                escalations,
                outbox.failedByChannel(),
                outbox.retryingByChannel(),
                figures);
    }

    private Map<String, Long> counts(String sql) {
        return jdbc.sql(sql).query((rs, row) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private record Snapshot(
            Instant takenAt,
            Map<String, Long> byState,
            Map<String, Long> openByLevel,
            Map<String, Long> escalationsByLevel,
            Map<String, Long> failedByChannel,
            Map<String, Long> retryingByChannel,
            JobBacklog.Figures jobs) {

        double oldestJobWaitingSeconds() {
            return jobs.oldestDue() == null
                    ? 0
                    : Math.max(
                            0,
                            Duration.between(jobs.oldestDue().toInstant(), takenAt)
                                    .toSeconds());
        }
    }
}
