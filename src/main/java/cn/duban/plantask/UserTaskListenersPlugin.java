package cn.duban.plantask;

import java.util.ArrayList;
import java.util.Set;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The cross-cutting work every user task of a plan task's processes shares, added when the model is parsed instead
 * of being repeated on every element: each task is named after its plan task (and told of a short due date), and a
 * unit's task (its candidate group an expression such as {@code ${leadUnits}}) can be handed only to a colleague of
 * that unit. What changes a task's course is in the model, as service tasks.
 */
@Component
class UserTaskListenersPlugin extends AbstractProcessEnginePlugin {

    /** The processes whose user tasks belong to a plan task. */
    static final Set<String> PROCESSES = Set.of(PlanTaskProcess.KEY, "accountability");

    private final TaskListener naming;
    private final TaskListener sameUnitAssignment;

    /** The listeners need the engine, which needs this plugin: they are looked up when a task is created. */
    UserTaskListenersPlugin(
            ObjectProvider<NameTaskAfterPlanTaskListener> naming,
            ObjectProvider<SameUnitAssignmentListener> sameUnitAssignment) {
        this.naming = task -> naming.getObject().notify(task);
        this.sameUnitAssignment = task -> sameUnitAssignment.getObject().notify(task);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreBPMNParseListeners() == null) {
            configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPreBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                if (!PROCESSES.contains(((ProcessDefinitionEntity) activity.getProcessDefinition()).getKey())) {
                    return;
                }
                TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
                if (task.getCandidateGroupIdExpressions().stream().anyMatch(UserTaskListenersPlugin::isUnit)) {
                    task.addTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, sameUnitAssignment);
                }
                task.addTaskListener(TaskListener.EVENTNAME_CREATE, naming);
            }
        });
    }

    /** A unit's task: its candidate group is computed per task (the lead units, one support unit…). */
    private static boolean isUnit(Expression candidateGroup) {
        return !candidateGroup.isLiteralText();
    }
}
