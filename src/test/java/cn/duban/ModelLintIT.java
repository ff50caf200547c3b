package cn.duban;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.support.DubanTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.xml.instance.DomElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.util.ClassUtils;

/**
 * The models, read as a reviewer would: every form a task names is deployed, every exclusive gateway has a default
 * flow (a decision the conditions do not foresee takes the safe way instead of stopping the process), every bean an
 * expression calls exists and belongs to the process's module (or one it may use), every service task is named for a
 * supervision office in one scheme, the listeners every task shares are not repeated in the model, and every output
 * of a decision table is used. Fails with the file and element to mend.
 */
@DubanTest
class ModelLintIT {

    private static final Path PROCESSES = Path.of("processes");
    private static final Path FORMS = Path.of("forms");
    private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    /** Names an expression may start with that are no bean: the engine's own and the process variables. */
    private static final Set<String> ENGINE_NAMES = Set.of(
            "execution",
            "task",
            "dateTime",
            "now",
            "currentUser",
            "currentUserGroups",
            "authenticatedUserId",
            "empty",
            "not",
            "true",
            "false",
            "null");

    private static final Pattern CALL = Pattern.compile("\\$\\{\\s*!?\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*[.(]");
    private static final Pattern DELEGATE = Pattern.compile("^\\$\\{\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*}$");

    /**
     * The modules (top-level packages of cn.duban) whose beans a process may call: its own first, then those it may
     * use. plan-task opens accountability cases (启动问责), a step of the accountability module.
     */
    private static final Map<String, Set<String>> MODULES = Map.of(
            "plan-task.bpmn", Set.of("plantask", "accountability"),
            "daily-supervision.bpmn", Set.of("plantask"),
            "accountability.bpmn", Set.of("accountability"),
            "indicator-report.bpmn", Set.of("indicator"),
            "plan-intake.bpmn", Set.of("plan"),
            "annual-assessment.bpmn", Set.of("assessment"),
            "leader-instruction.bpmn", Set.of("instruction"));
    /** Added to every user task by cn.duban.plantask.UserTaskListenersPlugin, so never written in a model. */
    private static final Set<String> SHARED_LISTENERS =
            Set.of("nameTaskAfterPlanTaskListener", "sameUnitAssignmentListener");

    private static final Pattern SERVICE_TASK_ID = Pattern.compile("ServiceTask_[A-Z][A-Za-z]+");
    private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");
    private static final Pattern DELEGATE_BEAN = Pattern.compile("\\$\\{[a-z][A-Za-z]*Delegate}");

    @Autowired
    ApplicationContext context;

    @Test
    void everyFormATaskNamesIsDeployed() throws IOException {
        Set<String> forms = new TreeSet<>();
        try (Stream<Path> files = Files.list(FORMS)) {
            for (Path form :
                    files.filter(path -> path.toString().endsWith(".form")).toList()) {
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
        assertThat(unknown)
                .as("expressions that call a bean the application does not have")
                .isEmpty();
    }

    @Test
    void everyBeanAProcessCallsIsInItsModuleOrOneItMayUse() throws IOException {
        List<String> outside = new ArrayList<>();
        for (Model model : models()) {
            Set<String> allowed = MODULES.get(model.file());
            assertThat(allowed)
                    .as("the modules of %s (ModelLintIT.MODULES)", model.file())
                    .isNotNull();
            for (String bean : model.beans()) {
                if (context.containsBean(bean) && !allowed.contains(moduleOf(bean))) {
                    outside.add(model.file() + ": ${" + bean + "} is in cn.duban." + moduleOf(bean) + ", not in "
                            + allowed);
                }
            }
        }
        assertThat(outside).as("beans a process calls outside its module").isEmpty();
    }

    @Test
    void everyServiceTaskIsNamedForTheOfficeInOneScheme() throws IOException {
        List<String> unnamed = new ArrayList<>();
        for (Model model : models()) {
            for (ServiceTask task : model.bpmn().getModelElementsByType(ServiceTask.class)) {
                String delegate = task.getCamundaDelegateExpression();
                if (!SERVICE_TASK_ID.matcher(task.getId()).matches()
                        || task.getName() == null
                        || !CHINESE.matcher(task.getName()).find()
                        || delegate == null
                        || !DELEGATE_BEAN.matcher(delegate).matches()) {
                    unnamed.add(model.file() + ": " + task.getId() + " \"" + task.getName() + "\" " + delegate);
                }
            }
        }
        assertThat(unnamed)
                .as("service tasks: id ServiceTask_Xxx, a Chinese name, ${xxxDelegate}")
                .isEmpty();
    }

    @Test
    void noModelRepeatsTheListenersEveryTaskShares() throws IOException {
        List<String> repeated = new ArrayList<>();
        for (Model model : models()) {
            model.beans().stream()
                    .filter(SHARED_LISTENERS::contains)
                    .forEach(bean -> repeated.add(model.file() + ": ${" + bean + "}"));
        }
        assertThat(repeated)
                .as("listeners the parse listener adds to every user task")
                .isEmpty();
    }

    @Test
    void everyOutputOfADecisionIsUsed() throws IOException {
        StringBuilder users = new StringBuilder();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source :
                    sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                users.append(Files.readString(source));
            }
        }
        StringBuilder expressions = new StringBuilder();
        for (Model model : models()) {
            expressions.append(model.expressions());
        }
        List<String> unused = new ArrayList<>();
        try (Stream<Path> files = Files.list(PROCESSES)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".dmn"))
                    .sorted()
                    .toList()) {
                DmnModelInstance dmn = Dmn.readModelFromFile(file.toFile());
                for (Output output : dmn.getModelElementsByType(Output.class)) {
                    // Read by Java as a rule's entry, or by a process's expression (a business rule task's result).
                    if (!users.toString().contains("getEntry(\"" + output.getName() + "\")")
                            && !Pattern.compile("\\b" + output.getName() + "\\b")
                                    .matcher(expressions)
                                    .find()) {
                        unused.add(file.getFileName() + ": " + output.getId() + " (" + output.getName() + ")");
                    }
                }
            }
        }
        assertThat(unused)
                .as("decision outputs that neither Java nor a process reads")
                .isEmpty();
    }

    private String moduleOf(String bean) {
        String name = ClassUtils.getUserClass(context.getType(bean)).getPackageName();
        return name.substring("cn.duban.".length()).split("\\.")[0];
    }

    private static List<Model> models() throws IOException {
        try (Stream<Path> files = Files.list(PROCESSES)) {
            List<Model> models = new ArrayList<>();
            for (Path file : files.filter(path -> path.toString().endsWith(".bpmn"))
                    .sorted()
                    .toList()) {
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
                    .map(element -> element.getAttribute(CAMUNDA, "delegateExpression"))
                    .toList();
        }

        /** The beans the model names: delegate expressions, and the first name of every call in an expression. */
        Set<String> beans() {
            Set<String> beans = new TreeSet<>();
            for (String delegateExpression : delegateExpressions()) {
                Matcher delegate = DELEGATE.matcher(delegateExpression);
                if (delegate.matches()) {
                    beans.add(delegate.group(1));
                }
            }
            for (String expression : expressions()) {
                Matcher call = CALL.matcher(expression);
                while (call.find()) {
                    if (!ENGINE_NAMES.contains(call.group(1))) {
                        beans.add(call.group(1));
                    }
                }
            }
            return beans;
        }

        /** Listener expressions, conditions, collections, due dates, candidates and timers. */
        List<String> expressions() {
            List<String> expressions = new ArrayList<>();
            for (String attribute : List.of("expression", "collection", "dueDate", "candidateGroups", "assignee")) {
                for (DomElement element : elementsWithAttribute(attribute)) {
                    expressions.add(element.getAttribute(CAMUNDA, attribute));
                }
            }
            for (ModelElementInstance text :
                    bpmn.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.FormalExpression.class)) {
                expressions.add(text.getTextContent().strip());
            }
            return expressions.stream()
                    .filter(expression -> expression.contains("${"))
                    .toList();
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
