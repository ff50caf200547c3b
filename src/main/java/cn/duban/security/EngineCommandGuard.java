package cn.duban.security;

import cn.duban.identity.DubanGroups;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractAddIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetTaskPropertyCmd;
import org.camunda.bpm.engine.impl.cmd.CreateAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.CreateFilterCmd;
import org.camunda.bpm.engine.impl.cmd.CreateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteFilterCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCommentCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.PatchTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SaveAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.SaveFilterCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskOwnerCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * The engine's own door, whatever path a call came by (engine REST, the webapps' copy of it, Duban's Java code):
 * <ul>
 * <li>A person (anyone authenticated but an administrator) changes a task only by claiming it and submitting its
 * form. Who handles it (identity links, owner, delegation), its name, due date and priority, its variables outside
 * the form, a BPMN error or escalation thrown from it, its deletion, Camunda's attachments and its stored filters are
 * refused. Duban's own
 * services that must change more (an approved extension, a reassignment) run as the system.</li>
 * <li>No expression a person sends is evaluated ({@link QueryExpressionGuard}).</li>
 * </ul>
 * Only the outermost command is judged: what the engine does on behalf of an allowed call is the model's doing.
 */
final class EngineCommandGuard extends CommandInterceptor {

    static final String FORM_ONLY = "无权执行此操作：任务只能签收并通过任务表单办理；截止时间、牵头单位、办理人等督办信息只能由督办流程调整。";

    private static final List<Class<?>> TASK_RECORD_CHANGES = List.of(
            AbstractAddIdentityLinkCmd.class,
            DeleteIdentityLinkCmd.class,
            SetTaskOwnerCmd.class,
            DelegateTaskCmd.class,
            SaveTaskCmd.class,
            CreateTaskCmd.class,
            DeleteTaskCmd.class,
            AbstractSetTaskPropertyCmd.class,
            SetTaskVariablesCmd.class,
            PatchTaskVariablesCmd.class,
            RemoveTaskVariablesCmd.class,
            HandleTaskBpmnErrorCmd.class,
            HandleTaskEscalationCmd.class,
            ResolveTaskCmd.class,
            DeleteTaskCommentCmd.class,
            // Camunda's own attachments: evidence files go through Duban's API (cn.duban.evidence), which knows
            // whose they are and refuses them to other units.
            CreateAttachmentCmd.class,
            SaveAttachmentCmd.class,
            DeleteAttachmentCmd.class,
            CreateFilterCmd.class,
            SaveFilterCmd.class,
            DeleteFilterCmd.class);

    private final ProcessEngineConfigurationImpl configuration;
    private final QueryExpressionGuard expressions;

    EngineCommandGuard(ProcessEngineConfigurationImpl configuration, QueryExpressionGuard expressions) {
        this.configuration = configuration;
        this.expressions = expressions;
    }

    @Override
    public <T> T execute(Command<T> command) {
        Authentication person = configuration.getIdentityService().getCurrentAuthentication();
        if (person != null) {
            boolean outermost = Context.getCommandContext() == null;
            if (command instanceof TaskQueryImpl query) {
                if (outermost) {
                    expressions.checkSentByPerson(query);
                } else {
                    expressions.checkStored(query);
                }
            }
            if (outermost && !isAdministrator(person) && changesTaskRecord(command)) {
                throw new AuthorizationException(FORM_ONLY);
            }
        }
        return next.execute(command);
    }

    private static boolean changesTaskRecord(Command<?> command) {
        for (Class<?> type : TASK_RECORD_CHANGES) {
            if (type.isInstance(command)) {
                return true;
            }
        }
        return false;
    }

    static boolean isAdministrator(Authentication person) {
        return person.getGroupIds() != null && person.getGroupIds().contains(DubanGroups.CAMUNDA_ADMIN);
    }
}
