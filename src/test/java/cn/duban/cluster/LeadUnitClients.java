package cn.duban.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Lead-unit staff working through their tasks over the engine's REST API, one client per user, side by side: for
 * each instance they sign (claim, then complete the 签收 form) and report the result. A client stops when the node
 * stops answering; each keeps the instances whose report the node acknowledged.
 */
final class LeadUnitClients {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SIGN = """
            {"variables": {"responsiblePerson": {"value": "张伟"}, "contactPhone": {"value": "0994-2345678"}}}""";
    private static final String REPORT = """
            {"variables": {"resultDescription": {"value": "已按期完成，详见佐证材料。"},
                           "evidence": {"value": "验收报告"}}}""";

    private final DubanNode node;
    private final String password;
    private final Set<String> reported = ConcurrentHashMap.newKeySet();
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private final ExecutorService pool;

    private LeadUnitClients(DubanNode node, String password, int clients) {
        this.node = node;
        this.password = password;
        this.pool = Executors.newFixedThreadPool(clients);
    }

    /** Instance i is worked on by user i mod the number of users, before and after a restart alike. */
    static LeadUnitClients start(DubanNode node, List<String> users, String password, List<String> instances) {
        LeadUnitClients clients = new LeadUnitClients(node, password, users.size());
        for (int c = 0; c < users.size(); c++) {
            String user = users.get(c);
            List<String> share = new ArrayList<>();
            for (int i = c; i < instances.size(); i += users.size()) {
                share.add(instances.get(i));
            }
            clients.pool.submit(() -> clients.work(user, share));
        }
        clients.pool.shutdown();
        return clients;
    }

    private void work(String user, List<String> instances) {
        try {
            for (String instance : instances) {
                step(user, instance);
            }
        } catch (UncheckedIOException nodeGone) {
            // the node stopped answering: this client stops too
        } catch (RuntimeException unexpected) {
            failures.add(user + " stopped: " + unexpected);
        }
    }

    private void step(String user, String instance) {
        JsonNode task = openTask(user, instance);
        if (task != null
                && "UserTask_ClaimTask".equals(task.path("taskDefinitionKey").asText())) {
            String id = task.path("id").asText();
            if (!user.equals(task.path("assignee").asText(null))) {
                expect(
                        204,
                        node.post(
                                user,
                                password,
                                "/engine-rest/task/" + id + "/claim",
                                "application/json",
                                "{\"userId\": \"" + user + "\"}"),
                        "claim " + instance);
            }
            if (!expect(
                    204,
                    node.post(user, password, "/engine-rest/task/" + id + "/complete", "application/json", SIGN),
                    "sign " + instance)) {
                return;
            }
            task = reportTaskOnceThere(user, instance);
        }
        if (task != null
                && "UserTask_ReportResult".equals(task.path("taskDefinitionKey").asText())) {
            if (expect(
                    204,
                    node.post(
                            user,
                            password,
                            "/engine-rest/task/" + task.path("id").asText() + "/complete",
                            "application/json",
                            REPORT),
                    "report " + instance)) {
                reported.add(instance);
            }
        }
    }

    /** After signing, the job executor carries the instance on to the report (an asynchronous step): wait for it. */
    private JsonNode reportTaskOnceThere(String user, String instance) {
        for (int attempt = 0; attempt < 150; attempt++) {
            JsonNode task = openTask(user, instance);
            if (task != null) {
                return task;
            }
            DubanNode.sleep(200);
        }
        failures.add("no report task for " + instance + " 30 s after signing");
        return null;
    }

    /** The instance's task for the lead unit, or null once it has left the lead unit's hands. */
    private JsonNode openTask(String user, String instance) {
        DubanNode.Response answer = node.get(user, password, "/engine-rest/task?processInstanceId=" + instance);
        if (!expect(200, answer, "tasks of " + instance)) {
            return null;
        }
        try {
            for (JsonNode task : JSON.readTree(answer.body())) {
                String key = task.path("taskDefinitionKey").asText();
                if (key.equals("UserTask_ClaimTask") || key.equals("UserTask_ReportResult")) {
                    return task;
                }
            }
            return null;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean expect(int status, DubanNode.Response answer, String what) {
        if (answer.status() == status) {
            return true;
        }
        failures.add(what + ": " + answer.status() + " " + answer.body());
        return false;
    }

    int reported() {
        return reported.size();
    }

    Set<String> reportedInstances() {
        return Set.copyOf(reported);
    }

    List<String> failures() {
        return List.copyOf(failures);
    }

    void awaitStopped() {
        try {
            if (!pool.awaitTermination(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("clients still working after 10 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
