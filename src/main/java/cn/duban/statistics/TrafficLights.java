package cn.duban.statistics;

import cn.duban.identity.AsSystem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Service;

/**
 * 红黄绿灯 from the latest deployed versions of {@code processes/traffic-light.dmn} (a task) and
 * {@code processes/unit-traffic-light.dmn} (a unit, from its tasks' lights). Evaluated in memory per version, like
 * the escalation ladder: a statistics page asks this of every task.
 */
@Service
class TrafficLights {

    static final String TASK_DECISION = "traffic-light";
    static final String UNIT_DECISION = "unit-traffic-light";

    private final RepositoryService repositoryService;
    private final IdentityService identityService;
    private final Map<String, DmnDecision> versions = new ConcurrentHashMap<>();

    TrafficLights(RepositoryService repositoryService, IdentityService identityService) {
        this.repositoryService = repositoryService;
        this.identityService = identityService;
    }

    /** A decision's rules as they stand now (the latest versions), to light many tasks with. */
    Rules rules() {
        return new Rules(latest(TASK_DECISION), latest(UNIT_DECISION));
    }

    private DmnDecision latest(String key) {
        DecisionDefinition latest = AsSystem.call(
                identityService,
                () -> repositoryService
                        .createDecisionDefinitionQuery()
                        .decisionDefinitionKey(key)
                        .latestVersion()
                        .singleResult());
        if (latest == null) {
            throw new IllegalStateException("The decision " + key + " is not deployed");
        }
        return versions.computeIfAbsent(latest.getId(), id -> {
            try (InputStream model = AsSystem.call(identityService, () -> repositoryService.getDecisionModel(id))) {
                return Dmn.ENGINE.parseDecision(key, model);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The two tables, fixed for one page or export. */
    final class Rules {

        private final DmnDecision task;
        private final DmnDecision unit;
        private final Map<Object, Light> answers = new ConcurrentHashMap<>();

        private Rules(DmnDecision task, DmnDecision unit) {
            this.task = task;
            this.unit = unit;
        }

        Light ofTask(String state, boolean missedDeadline, int timesUrged, int workingDaysOverdue) {
            return answers.computeIfAbsent(
                    java.util.List.of(state, missedDeadline, timesUrged, workingDaysOverdue),
                    q -> light(Dmn.ENGINE
                            .evaluateDecisionTable(
                                    task,
                                    Map.of(
                                            "state",
                                            state,
                                            "missedDeadline",
                                            missedDeadline,
                                            "timesUrged",
                                            timesUrged,
                                            "workingDaysOverdue",
                                            workingDaysOverdue))
                            .getSingleResult()));
        }

        Light ofUnit(int tasks, int red, int yellow) {
            double redShare = tasks == 0 ? 0 : (double) red / tasks;
            double yellowShare = tasks == 0 ? 0 : (double) yellow / tasks;
            return light(Dmn.ENGINE
                    .evaluateDecisionTable(
                            unit, Map.of("redShare", redShare, "redTasks", red, "yellowShare", yellowShare))
                    .getSingleResult());
        }

        private Light light(DmnDecisionRuleResult result) {
            return new Light(result.getEntry("light"), result.getEntry("lightName"), result.getEntry("reason"));
        }
    }

    /** RED, YELLOW or GREEN, its Chinese name and the rule's reason. */
    record Light(String light, String name, String reason) {}

    /**
     * The in-memory decision engine, built when the first statistics are lit rather than at start-up (a FEEL engine of its own).
     */
    private static final class Dmn {
        static final DmnEngine ENGINE =
                DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    }
}
