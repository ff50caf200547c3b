package cn.duban.plantask;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 检查时限与问责等级 (ServiceTask_CheckDeadline in 每日督办检查): the daily check of the instance's deadline. */
@Component("checkDeadlineDelegate")
class CheckDeadlineDelegate implements JavaDelegate {

    private final InstanceDeadlineCheck check;

    CheckDeadlineDelegate(InstanceDeadlineCheck check) {
        this.check = check;
    }

    @Override
    public void execute(DelegateExecution execution) {
        check.daily(execution);
    }
}
