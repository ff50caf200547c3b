package cn.duban.jointmeeting;

import java.time.LocalDate;
import java.util.List;

/** A recorded joint meeting with its decisions, each a supervised task, and where each stands. */
public record JointMeeting(
        String code,
        String title,
        LocalDate heldOn,
        List<String> participants,
        String minutes,
        String recordedBy,
        List<Decision> decisions) {

    public record Decision(
            int position,
            String taskCode,
            String title,
            String text,
            List<String> leadUnits,
            List<String> supportUnits,
            LocalDate deadline,
            String processInstanceId,
            String state,
            String stateText) {}
}
