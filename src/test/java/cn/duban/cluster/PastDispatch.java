package cn.duban.cluster;

import cn.duban.DubanApplication;
import cn.duban.plan.PlanImporter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * Puts work on the cluster's database as it would have been days ago: Duban runs in this JVM for a moment with the
 * engine's clock set back, creates the units' users and imports a plan. The timers it creates (the daily checks) are
 * then due in the past, so the nodes, on the real clock, find them all due at once, as on the morning after the
 * tasks' deadline. The timers are held (suspended) until {@link #releaseTimers} lets every node at them together.
 */
final class PastDispatch {

    static final String PASSWORD = "Cluster-Us3r-Pass";
    private static final String PLAN_TASK = "plan-task";
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private PastDispatch() {}

    /** An administrator releases the held timers through the engine's REST API, as from Cockpit. */
    static void releaseTimers(DubanNode node) {
        DubanNode.Response released = node.put(
                DubanNode.ADMIN,
                DubanNode.ADMIN_PASSWORD,
                "/engine-rest/job-definition/suspended",
                "{\"processDefinitionKey\": \"" + PLAN_TASK + "\", \"suspended\": false, \"includeJobs\": true}");
        if (released.status() != 204) {
            throw new IllegalStateException("timers not released: " + released);
        }
    }

    /**
     * An administrator starts the daily sweep (每日督办检查) for the plan's tasks through the engine's REST API, as from
     * Cockpit; its batches are jobs that every node's job executor takes. Returns the sweep's process instance.
     */
    static String startSweep(DubanNode node, String plan) {
        DubanNode.Response started = node.post(
                DubanNode.ADMIN,
                DubanNode.ADMIN_PASSWORD,
                "/engine-rest/process-definition/key/daily-supervision/start",
                "application/json",
                "{\"variables\": {\"planCode\": {\"value\": \"" + plan + "\"}}}");
        if (started.status() != 200) {
            throw new IllegalStateException("sweep not started: " + started);
        }
        String body = started.body();
        int id = body.indexOf("\"id\":\"") + 6;
        return body.substring(id, body.indexOf('"', id));
    }

    /** Leaves the test sources' helpers (on this JVM's class path) out of the application's component scan. */
    private static final class ApplicationClassesOnly extends TypeExcludeFilter {

        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
            return reader.getResource().getURI().toString().contains("/test-classes/");
        }
    }

    /**
     * @param members user id → the unit (group) it belongs to; each gets an e-mail address
     */
    static void importPlan(ClusterDatabase database, LocalDate day, Map<String, String> members, String planYaml) {
        importPlan(database, day, members, Set.of(), planYaml);
    }

    /** As above; the users in {@code withoutMail} have no e-mail address (they are told in the inbox only). */
    static void importPlan(
            ClusterDatabase database,
            LocalDate day,
            Map<String, String> members,
            Set<String> withoutMail,
            String planYaml) {
        List<String> arguments = new ArrayList<>(database.nodeArguments());
        arguments.addAll(List.of(
                "--server.port=0",
                "--camunda.bpm.job-execution.enabled=false",
                "--duban.notification.delivery-enabled=false",
                "--duban.dashboard.count-folding-enabled=false",
                "--spring.main.banner-mode=off"));
        try (ConfigurableApplicationContext duban = new SpringApplicationBuilder(DubanApplication.class)
                .initializers(context -> context.getBeanFactory()
                        .registerSingleton("applicationClassesOnly", new ApplicationClassesOnly()))
                .run(arguments.toArray(String[]::new))) {
            IdentityService identity = duban.getBean(IdentityService.class);
            members.forEach((userId, groupId) -> {
                if (identity.createUserQuery().userId(userId).count() == 0) {
                    User user = identity.newUser(userId);
                    user.setFirstName(userId);
                    user.setLastName("集群测试");
                    user.setEmail(withoutMail.contains(userId) ? null : userId + "@duban.test");
                    user.setPassword(PASSWORD);
                    identity.saveUser(user);
                    identity.createMembership(userId, groupId);
                }
            });
            ClockUtil.setCurrentTime(Date.from(day.atTime(9, 0).atZone(BEIJING).toInstant()));
            try {
                duban.getBean(PlanImporter.class).importPlan(planYaml.getBytes(StandardCharsets.UTF_8), "cluster-test");
            } finally {
                ClockUtil.reset();
            }
            // Held until every node is up (see releaseTimers), so that all of them find the work due at once.
            duban.getBean(ManagementService.class)
                    .updateJobDefinitionSuspensionState()
                    .byProcessDefinitionKey(PLAN_TASK)
                    .includeJobs(true)
                    .suspend();
        }
    }
}
