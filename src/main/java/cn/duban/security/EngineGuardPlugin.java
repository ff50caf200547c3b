package cn.duban.security;

import java.util.ArrayList;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Puts the supervision record out of the supervised's reach inside the engine, so that every path is covered:
 * <ul>
 * <li>the candidates and assignee of a task get Camunda's {@code TASK_WORK} permission on it (claim, complete),
 * not {@code UPDATE} (variables, identity links, owner, due date, deletion);</li>
 * <li>completing a task or submitting its form writes only that form's fields ({@link FormSubmissionGuard});</li>
 * <li>the {@link EngineCommandGuard} refuses the rest of a task's write surface to people and every expression
 * they send in a query;</li>
 * <li>object variables are instantiated only from types the validator allows (none of a person's making).</li>
 * </ul>
 */
@Component
class EngineGuardPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setDefaultUserPermissionNameForTask(Permissions.TASK_WORK.getName());
        configuration.setEnableExpressionsInAdhocQueries(false);
        configuration.setEnableExpressionsInStoredQueries(true);
        configuration.setDeserializationTypeValidationEnabled(true);
        configuration.setJavaSerializationFormatEnabled(false);
        FormSubmissionGuard forms = new FormSubmissionGuard(configuration);
        configuration.setTaskService(new GuardedTaskService(forms));
        configuration.setFormService(new GuardedFormService(forms));
        QueryExpressionGuard expressions = new QueryExpressionGuard(configuration);
        configuration.setFilterService(new GuardedFilterService(expressions));
        if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
            configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
        }
        configuration
                .getCustomPreCommandInterceptorsTxRequired()
                .add(new EngineCommandGuard(configuration, expressions));
    }
}
