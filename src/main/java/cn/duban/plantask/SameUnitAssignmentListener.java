package cn.duban.plantask;

import cn.duban.taskform.SubmissionRejectedException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

/**
 * A claimed task can be handed to a colleague, but only one of a unit the task is offered to: nobody hands a unit's
 * task to another unit.
 */
@Component("sameUnitAssignmentListener")
class SameUnitAssignmentListener implements TaskListener {

    private final IdentityService identityService;

    SameUnitAssignmentListener(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public void notify(DelegateTask task) {
        String assignee = task.getAssignee();
        if (assignee == null) {
            return;
        }
        Set<String> candidateGroups = task.getCandidates().stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId)
                .collect(Collectors.toSet());
        if (candidateGroups.isEmpty()) {
            return;
        }
        Authentication current = identityService.getCurrentAuthentication();
        // Signing for oneself (the usual case): the caller's groups are known already.
        List<String> assigneeGroups =
                current != null && assignee.equals(current.getUserId()) && current.getGroupIds() != null
                        ? current.getGroupIds()
                        : identityService.createGroupQuery().groupMember(assignee).list().stream()
                                .map(Group::getId)
                                .toList();
        if (assigneeGroups.stream().noneMatch(candidateGroups::contains)) {
            throw new SubmissionRejectedException("assignee", "不能把任务转交给“" + assignee + "”：只能转交给本单位的同事");
        }
    }
}
