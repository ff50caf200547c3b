package cn.duban.plantask;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Names each task after the plan task it belongs to ("签收任务：土壤状况详查"), so that a unit's task list says what
 * every task is, while the diagram keeps the step's plain name.
 */
@Component("nameTaskAfterPlanTaskListener")
class NameTaskAfterPlanTaskListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        Object title = task.getVariable(PlanTaskVariables.TASK_TITLE);
        if (title != null) {
            task.setName(task.getName() + "：" + title);
        }
    }
}
