package cn.duban.supervision;

import cn.duban.identity.AsSystem;
import cn.duban.identity.TransactionMemo;
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
 * Asks the escalation ladder ({@code processes/escalation-level.dmn}, the latest deployed version) where an overdue
 * task stands.
 *
 * <p>The daily check asks this of every overdue task every day, so it is evaluated in memory, not through the
 * engine's decision service: that would keep a decision instance with its inputs and outputs for every task and day
 * (ten years of history), and the FEEL evaluation would double the check's cost. What the ladder decided is recorded
 * where it matters, as a supervision step with the rule's reason whenever the level rises. Answers are kept per
 * decision version and inputs: a deployed version never changes, so every node computes the same answer.
 */
@Service
class EscalationDecision {

    static final String DECISION_KEY = "escalation-level";
    private static final int MAX_REMEMBERED = 10_000;

    private final RepositoryService repositoryService;
    private final IdentityService identityService;
    private final Map<String, DmnDecision> versions = new ConcurrentHashMap<>();
    private final Map<Question, Decided> answers = new ConcurrentHashMap<>();
    private final TransactionMemo memo = new TransactionMemo();

    EscalationDecision(RepositoryService repositoryService, IdentityService identityService) {
        this.repositoryService = repositoryService;
        this.identityService = identityService;
    }

    Decided decide(int workingDaysOverdue, int timesUrged, boolean binding, int earlierRectifications) {
        return latest().decide(workingDaysOverdue, timesUrged, binding, earlierRectifications);
    }

    /**
     * The ladder as deployed now: a batch of the daily sweep asks it for all its tasks. Looked up once per
     * transaction: a plan published in one transaction asks it for each of its tasks.
     */
    Ladder latest() {
        DecisionDefinition latest = memo.get(
                "latest",
                () -> AsSystem.call(
                        identityService,
                        () -> repositoryService
                                .createDecisionDefinitionQuery()
                                .decisionDefinitionKey(DECISION_KEY)
                                .latestVersion()
                                .singleResult()));
        if (latest == null) {
            throw new IllegalStateException("The decision " + DECISION_KEY + " is not deployed");
        }
        return (workingDaysOverdue, timesUrged, binding, earlierRectifications) ->
                decide(latest, workingDaysOverdue, timesUrged, binding, earlierRectifications);
    }

    private Decided decide(
            DecisionDefinition latest,
            int workingDaysOverdue,
            int timesUrged,
            boolean binding,
            int earlierRectifications) {
        Question question =
                new Question(latest.getId(), workingDaysOverdue, timesUrged, binding, earlierRectifications);
        Decided known = answers.get(question);
        if (known != null) {
            return known;
        }
        DmnDecisionRuleResult result = Dmn.ENGINE
                .evaluateDecisionTable(
                        version(latest),
                        Map.of(
                                "workingDaysOverdue",
                                workingDaysOverdue,
                                "timesUrged",
                                timesUrged,
                                "binding",
                                binding,
                                "earlierRectifications",
                                earlierRectifications))
                .getSingleResult();
        Decided decided = new Decided(
                EscalationLevel.valueOf(result.getEntry("level")),
                result.getEntry("levelName"),
                result.getEntry("reason"),
                Boolean.TRUE.equals(result.getEntry("opensCase")));
        if (answers.size() >= MAX_REMEMBERED) {
            answers.clear();
        }
        answers.put(question, decided);
        return decided;
    }

    private DmnDecision version(DecisionDefinition definition) {
        return versions.computeIfAbsent(definition.getId(), id -> {
            try (InputStream model = AsSystem.call(identityService, () -> repositoryService.getDecisionModel(id))) {
                return Dmn.ENGINE.parseDecision(DECISION_KEY, model);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** One deployed version of the ladder. */
    interface Ladder {
        Decided decide(int workingDaysOverdue, int timesUrged, boolean binding, int earlierRectifications);
    }

    /**
     * The rule's outputs: the level, its name as the record shows it, the rule's reason, and whether reaching the
     * level opens an accountability case (问责).
     */
    record Decided(EscalationLevel level, String levelName, String reason, boolean opensCase) {}

    private record Question(
            String decisionDefinitionId,
            int workingDaysOverdue,
            int timesUrged,
            boolean binding,
            int earlierRectifications) {}

    /**
     * The in-memory decision engine, built when the first overdue task is checked rather than at start-up (a FEEL engine of its own).
     */
    private static final class Dmn {
        static final DmnEngine ENGINE =
                DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    }
}
