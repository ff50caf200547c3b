package cn.duban.jointmeeting;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code /api/joint-meetings}: the office records a meeting and dispatches its decisions; overseers read them. */
@RestController
class JointMeetingController {

    private final JointMeetings meetings;

    JointMeetingController(JointMeetings meetings) {
        this.meetings = meetings;
    }

    @PostMapping("/api/joint-meetings")
    ResponseEntity<JointMeeting> record(@RequestBody JointMeetingRecord meeting, Principal user) {
        JointMeeting recorded = meetings.record(meeting, user.getName());
        return ResponseEntity.created(URI.create("/api/joint-meetings/" + recorded.code()))
                .body(recorded);
    }

    @GetMapping("/api/joint-meetings")
    List<JointMeeting> meetings() {
        return meetings.all();
    }

    @GetMapping("/api/joint-meetings/{code}")
    JointMeeting meeting(@PathVariable String code) {
        return meetings.find(code)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "未找到联席会议“" + code + "”"));
    }
}
