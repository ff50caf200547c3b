package cn.duban.plantask;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 变更牵头单位 (ServiceTask_ChangeLeadUnits): the units the supervision office named become the lead units. */
@Component("changeLeadUnitsDelegate")
class ChangeLeadUnitsDelegate implements JavaDelegate {

    private final LeadUnitChange change;

    ChangeLeadUnitsDelegate(LeadUnitChange change) {
        this.change = change;
    }

    @Override
    public void execute(DelegateExecution execution) {
        change.apply(execution);
    }
}
