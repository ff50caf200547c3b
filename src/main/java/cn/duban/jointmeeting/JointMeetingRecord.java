package cn.duban.jointmeeting;

import java.util.List;

/**
 * A joint meeting as the office records it: when, who took part (units or people, as written), the minutes, and
 * each decision with its lead and support units (names as the catalog knows them) and deadline.
 */
public record JointMeetingRecord(
        String title, String heldOn, List<String> participants, String minutes, List<Decision> decisions) {

    public record Decision(
            String title, String text, List<String> leadUnits, List<String> supportUnits, String deadline) {}
}
