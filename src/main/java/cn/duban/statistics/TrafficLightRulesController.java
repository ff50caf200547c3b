package cn.duban.statistics;

import cn.duban.identity.AsSystem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/traffic-light-rules/{decision}}: the 红黄绿灯 table in force (DMN XML, to edit in a DMN modeler);
 * {@code PUT}: the supervision office deploys its new version, which the statistics use from then on. A table that
 * does not parse, names another decision or lacks the outputs is refused.
 */
@RestController
class TrafficLightRulesController {

    private static final Set<String> DECISIONS = Set.of(TrafficLights.TASK_DECISION, TrafficLights.UNIT_DECISION);
    private static final int MAX_BYTES = 200_000;

    private final RepositoryService repositoryService;
    private final IdentityService identityService;

    TrafficLightRulesController(RepositoryService repositoryService, IdentityService identityService) {
        this.repositoryService = repositoryService;
        this.identityService = identityService;
    }

    @GetMapping(value = "/api/traffic-light-rules/{decision}", produces = MediaType.APPLICATION_XML_VALUE)
    String current(@PathVariable String decision) throws IOException {
        known(decision);
        DecisionDefinition latest = AsSystem.call(
                identityService,
                () -> repositoryService
                        .createDecisionDefinitionQuery()
                        .decisionDefinitionKey(decision)
                        .latestVersion()
                        .singleResult());
        try (InputStream model =
                AsSystem.call(identityService, () -> repositoryService.getDecisionModel(latest.getId()))) {
            return new String(model.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @PutMapping(
            value = "/api/traffic-light-rules/{decision}",
            consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE, MediaType.TEXT_PLAIN_VALUE})
    Deployed deploy(@PathVariable String decision, @RequestBody String xml) {
        known(decision);
        if (xml == null || xml.isBlank() || xml.length() > MAX_BYTES) {
            throw bad("请上传决策表文件（DMN，不超过200KB）");
        }
        DmnEngine engine =
                DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        DmnDecision parsed;
        try {
            parsed = engine.parseDecision(decision, new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (RuntimeException e) {
            throw bad("决策表无法解析，或其中没有编号为“" + decision + "”的决策");
        }
        // A table that lights an ordinary task or unit, with the outputs the statistics read.
        Map<String, Object> sample = TrafficLights.TASK_DECISION.equals(decision)
                ? Map.of("state", "ON_TRACK", "missedDeadline", false, "timesUrged", 0, "workingDaysOverdue", 0)
                : Map.of("redShare", 0.0, "redTasks", 0, "yellowShare", 0.0);
        try {
            DmnDecisionRuleResult answer =
                    engine.evaluateDecisionTable(parsed, sample).getSingleResult();
            if (answer == null
                    || !Set.of("RED", "YELLOW", "GREEN").contains(String.valueOf(answer.get("light")))
                    || answer.get("lightName") == null
                    || answer.get("reason") == null) {
                throw bad("决策表应对正常推进的任务给出输出 light（RED、YELLOW 或 GREEN）、lightName 和 reason");
            }
        } catch (ResponseStatusException e) {
            throw e;
        } catch (RuntimeException e) {
            throw bad("决策表无法判定正常推进的任务（输入应为 " + String.join("、", new java.util.TreeSet<>(sample.keySet())) + "）");
        }
        DecisionDefinition deployed = AsSystem.call(identityService, () -> {
            repositoryService
                    .createDeployment()
                    .name("红黄绿灯规则：" + decision)
                    .addString(decision + ".dmn", xml)
                    .deploy();
            return repositoryService
                    .createDecisionDefinitionQuery()
                    .decisionDefinitionKey(decision)
                    .latestVersion()
                    .singleResult();
        });
        return new Deployed(decision, deployed.getVersion());
    }

    private static void known(String decision) {
        if (!DECISIONS.contains(decision)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "没有名为“" + decision + "”的红黄绿灯决策表");
        }
    }

    private static ResponseStatusException bad(String message) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, message);
    }

    /** The version now in force. */
    record Deployed(String decision, int version) {}
}
