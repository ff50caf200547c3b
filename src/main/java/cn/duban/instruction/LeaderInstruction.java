package cn.duban.instruction;

import java.time.OffsetDateTime;

/** 领导批示 on a plan task and, once given, the lead unit's acknowledgement (签收) with what it will do. */
public record LeaderInstruction(
        long id,
        String taskCode,
        String instruction,
        String leaderId,
        String leaderName,
        OffsetDateTime issuedAt,
        String acknowledgedBy,
        String acknowledgement,
        OffsetDateTime acknowledgedAt) {

    public boolean acknowledged() {
        return acknowledgedAt != null;
    }
}
