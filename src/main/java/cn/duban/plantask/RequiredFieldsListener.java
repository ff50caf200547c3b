package cn.duban.plantask;

import cn.duban.taskform.DeployedFormRules;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * When the units' tasks end (签收, 报送本地落实情况, 进展报送, 报送办理结果): the fields their deployed forms require
 * must really be there, also when a task is completed through the REST API rather than the form. The rules are the
 * form's own ({@link DeployedFormRules}): e.g. 责任人 and 联系电话 (its pattern) to sign, 退回理由 to return (the form
 * shows one or the other). An execution listener, because the engine passes its exceptions on unchanged (a task
 * listener's would be wrapped and answered with 500 instead of 400).
 */
@Component("requiredFieldsListener")
class RequiredFieldsListener implements ExecutionListener {

    private final DeployedFormRules formRules;

    RequiredFieldsListener(DeployedFormRules formRules) {
        this.formRules = formRules;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (!execution.isCanceled()) {
            formRules.check(execution);
        }
    }
}
