package cn.duban.plantask;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 调整完成时限 (ServiceTask_ApplyExtension): an approved extension moves the task's deadline and its open steps'. */
@Component("applyExtensionDelegate")
class ApplyExtensionDelegate implements JavaDelegate {

    private final DeadlineExtension extension;

    ApplyExtensionDelegate(DeadlineExtension extension) {
        this.extension = extension;
    }

    @Override
    public void execute(DelegateExecution execution) {
        extension.apply(execution);
    }
}
