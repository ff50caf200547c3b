package cn.duban.taskform;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.Resource;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.springframework.stereotype.Component;

/**
 * The server's check of a user task's end against the task's own deployed form ({@code camunda:formRef}, bound to
 * the deployment), so the form is the one source of what a person must fill in: every shown field the form requires
 * is there, within its length, of its pattern and range; a field the form hides ({@code conditional.hide}, FEEL) is
 * not checked; a field left as it was counts with the form's {@code defaultValue}. Also when a task is completed
 * through the REST API rather than the form. Forms are read once per process version and task, and each condition
 * is parsed once: deployed forms never change, so every node may keep them.
 */
@Component
public class DeployedFormRules {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, TaskFormFields> forms = new ConcurrentHashMap<>();
    private final Map<String, ParsedExpression> conditions = new ConcurrentHashMap<>();
    private final FeelEngineApi feel = FeelEngineBuilder.forJava().build();

    /** Refuses ({@link SubmissionRejectedException}, in Chinese) the first field of the form that may not end the task. */
    public void check(DelegateExecution execution) {
        TaskFormFields form = forms.computeIfAbsent(
                execution.getProcessDefinitionId() + "/" + execution.getCurrentActivityId(), key -> read(execution));
        VariableMap values = Variables.createVariables();
        form.shown().forEach(key -> values.putValue(key, execution.getVariable(key)));
        form.editable().forEach((key, field) -> {
            Object value = execution.getVariable(key);
            values.putValue(key, value == null ? field.defaultValue() : value);
        });
        form.editable().forEach((key, field) -> {
            String problem = field.completionProblem(values.get(key));
            // The form's condition is asked only about a field that would refuse: a hidden field is not checked,
            // and one without a problem passes either way (feel-engine 1.19.3 builds its built-in functions anew
            // for every evaluation, the costliest part of a completion).
            if (problem != null && (field.hide() == null || !holds(field.hide(), values))) {
                throw new SubmissionRejectedException(key, problem);
            }
        });
    }

    /** Whether the form's FEEL condition holds for these values (parsed on its first use). */
    private boolean holds(String condition, Map<String, Object> values) {
        ParsedExpression parsed = conditions.computeIfAbsent(condition, text -> {
            ParseResult result = feel.parseExpression(text);
            if (result.isFailure()) {
                throw new IllegalStateException("The form condition " + text + " is not FEEL: "
                        + result.failure().message());
            }
            return result.parsedExpression();
        });
        EvaluationResult result = feel.evaluate(parsed, values);
        if (result.isFailure()) {
            throw new IllegalStateException("The form condition " + condition + " failed: "
                    + result.failure().message());
        }
        return Boolean.TRUE.equals(result.result());
    }

    private static TaskFormFields read(DelegateExecution execution) {
        String formRef = ((UserTask) execution.getBpmnModelElementInstance()).getCamundaFormRef();
        if (formRef == null) {
            return TaskFormFields.NONE;
        }
        RepositoryService repository = execution.getProcessEngineServices().getRepositoryService();
        // Read as the system: the person completing the task may not read deployments; the form is theirs to fill.
        IdentityService identity = execution.getProcessEngineServices().getIdentityService();
        Authentication caller = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            String deployment = repository
                    .getProcessDefinition(execution.getProcessDefinitionId())
                    .getDeploymentId();
            for (Resource resource : repository.getDeploymentResources(deployment)) {
                if (resource.getName().endsWith(".form") && formRef.equals(idOf(repository, resource))) {
                    try (InputStream form = repository.getResourceAsStreamById(deployment, resource.getId())) {
                        return TaskFormFields.parse(form);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
            throw new IllegalStateException("The form " + formRef + " is not in deployment " + deployment);
        } finally {
            if (caller != null) {
                identity.setAuthentication(caller);
            }
        }
    }

    private static String idOf(RepositoryService repository, Resource resource) {
        try (InputStream form = repository.getResourceAsStreamById(resource.getDeploymentId(), resource.getId())) {
            return JSON.readTree(form).path("id").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
