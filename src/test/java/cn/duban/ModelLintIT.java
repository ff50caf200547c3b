package cn.duban;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.support.DubanTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.xml.instance.DomElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The models, read as a reviewer would: every form a task names is deployed, every exclusive gateway has a default
 * flow (a decision the conditions do not foresee takes the safe way instead of stopping the process), and every
 * bean an expression calls exists. Fails with the file and element to mend.
 */
@DubanTest
class ModelLintIT {

    private static final Path PROCESSES = Path.of("processes");
    private static final Path FORMS = Path.of("forms");
    private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    /** Names an expression may start with that are no bean: the engine's own and the process variables. */
    private static final Set<String> ENGINE_NAMES = Set.of("execution", "task", "dateTime", "now", "currentUser",
            "currentUserGroups", "authenticatedUserId", "empty", "not", "true", "false", "null");
    private static final Pattern CALL = Pattern.compile("\\$\\{\\s*!?\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*[.(]");
    private static final Pattern DELEGATE = Pattern.compile("^\\$\\{\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*}$");

    @Autowired ApplicationContext context;

    @Test
    void everyFormATaskNamesIsDeployed() throws IOException {
        Set<String> forms = new TreeSet<>();
        try (Stream<Path> files = Files.list(FORMS)) {
            for (Path form : files.filter(path -> path.toString().endsWith(".form")).toList()) {
                forms.add(new ObjectMapper().readTree(form.toFile()).path("id").asText());
            }
        }
        List<String> dangling = new ArrayList<>();
        for (Model model : models()) {
            for (DomElement element : model.elementsWithAttribute("formRef")) {
                String formRef = element.getAttribute(CAMUNDA, "formRef");
                if (!forms.contains(formRef)) {
                    dangling.add(model.file() + ": " + element.getAttribute("id") + " names form \"" + formRef
                            + "\", which no file in forms/ has as its id");
                }
            }
        }
        assertThat(dangling).isEmpty();
    }

    @Test
    void everyExclusiveGatewayHasADefaultFlow() throws IOException {
        List<String> missing = new ArrayList<>();
        for (Model model : models()) {
            for (ExclusiveGateway gateway : model.bpmn().getModelElementsByType(ExclusiveGateway.class)) {
                if (gateway.getDefault() == null) {
                    missing.add(model.file() + ": " + gateway.getId() + " (" + gateway.getName() + ")");
                }
            }
        }
        assertThat(missing).as("exclusive gateways without a default flow").isEmpty();
    }

    @Test
    void everyBeanAnExpressionCallsExists() throws IOException {
        List<String> unknown = new ArrayList<>();
        for (Model model : models()) {
            for (String delegateExpression : model.delegateExpressions()) {
                Matcher delegate = DELEGATE.matcher(delegateExpression);
                if (delegate.matches() && !context.containsBean(delegate.group(1))) {
                    unknown.add(model.file() + ": " + delegateExpression + " (no bean \"" + delegate.group(1) + "\")");
                }
            }
            for (String expression : model.expressions()) {
                Matcher call = CALL.matcher(expression);
                List<String> names = new ArrayList<>();
                while (call.find()) {
                    names.add(call.group(1));
                }
                for (String name : names) {
                    if (!ENGINE_NAMES.contains(name) && !context.containsBean(name)) {
                        unknown.add(model.file() + ": " + expression + " (no bean \"" + name + "\")");
                    }
                }
            }
        }
        assertThat(unknown).as("expressions that call a bean the application does not have").isEmpty();
    }

    private static List<Model> models() throws IOException {
        try (Stream<Path> files = Files.list(PROCESSES)) {
            List<Model> models = new ArrayList<>();
            for (Path file : files.filter(path -> path.toString().endsWith(".bpmn")).sorted().toList()) {
                models.add(new Model(file.getFileName().toString(), Bpmn.readModelFromFile(file.toFile())));
            }
            return models;
        }
    }

    record Model(String file, BpmnModelInstance bpmn) {

        List<DomElement> elementsWithAttribute(String camundaAttribute) {
            List<DomElement> found = new ArrayList<>();
            collect(bpmn.getDocument().getRootElement(), camundaAttribute, found);
            return found;
        }

        List<String> delegateExpressions() {
            return elementsWithAttribute("delegateExpression").stream()
                    .map(element -> element.getAttribute(CAMUNDA, "delegateExpression")).toList();
        }

        /** Listener expressions, conditions, collections, due dates, candidates and timers. */
        List<String> expressions() {
            List<String> expressions = new ArrayList<>();
            for (String attribute : List.of("expression", "collection", "dueDate",
                    "candidateGroups", "assignee")) {
                for (DomElement element : elementsWithAttribute(attribute)) {
                    expressions.add(element.getAttribute(CAMUNDA, attribute));
                }
            }
            for (ModelElementInstance text : bpmn.getModelElementsByType(
                    org.camunda.bpm.model.bpmn.instance.FormalExpression.class)) {
                expressions.add(text.getTextContent().strip());
            }
            return expressions.stream().filter(expression -> expression.contains("${")).toList();
        }

        private static void collect(DomElement element, String camundaAttribute, List<DomElement> found) {
            if (element.hasAttribute(CAMUNDA, camundaAttribute)) {
                found.add(element);
            }
            for (DomElement child : element.getChildElements()) {
                collect(child, camundaAttribute, found);
            }
        }
    }
}
