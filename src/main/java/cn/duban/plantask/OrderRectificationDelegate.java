package cn.duban.plantask;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 下达限期整改 (ServiceTask_OrderRectification): inspection sent the result back with findings and a new deadline,
 * which from now on is the task's deadline; 数据不实 is recorded as well (the model then opens a case).
 */
@Component("orderRectificationDelegate")
class OrderRectificationDelegate implements JavaDelegate {

    private final RectificationOrder rectification;

    OrderRectificationDelegate(RectificationOrder rectification) {
        this.rectification = rectification;
    }

    @Override
    public void execute(DelegateExecution execution) {
        rectification.order(execution);
    }
}
