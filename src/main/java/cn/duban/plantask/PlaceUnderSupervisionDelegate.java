package cn.duban.plantask;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 纳入督办 (ServiceTask_PlaceUnderSupervision): the dispatched task gets its supervision record; a deadline already
 * near or past is checked at once, as the next daily check would.
 */
@Component("placeUnderSupervisionDelegate")
class PlaceUnderSupervisionDelegate implements JavaDelegate {

    private final InstanceDeadlineCheck check;

    PlaceUnderSupervisionDelegate(InstanceDeadlineCheck check) {
        this.check = check;
    }

    @Override
    public void execute(DelegateExecution execution) {
        check.dispatched(execution);
    }
}
