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

    /** Longer titles are cut, so a task list stays readable; the form shows the whole title. */
    static final int TITLE_SHOWN = 40;

    @Override
    public void notify(DelegateTask task) {
        Object title = task.getVariable(PlanTaskVariables.TASK_TITLE);
        if (title != null) {
            String shown = title.toString();
            if (shown.length() > TITLE_SHOWN) {
                shown = shown.substring(0, TITLE_SHOWN) + "…";
            }
            task.setName(task.getName() + "：" + shown);
        }
    }
}
