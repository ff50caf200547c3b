package cn.duban.evidence;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** The refusals of evidence files, each with its status and a Chinese reason. */
final class EvidenceRefusal {

    static final String READERS = "无权查看佐证材料：只有本任务的牵头单位、配合单位、落实单位、督查办和领导可以查看。";

    private EvidenceRefusal() {}

    static ResponseStatusException unsupported(String reason) {
        return new ResponseStatusException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, reason);
    }

    static ResponseStatusException tooLarge(String reason) {
        return new ResponseStatusException(HttpStatus.PAYLOAD_TOO_LARGE, reason);
    }

    static ResponseStatusException bad(String reason) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, reason);
    }

    static ResponseStatusException forbidden(String reason) {
        return new ResponseStatusException(HttpStatus.FORBIDDEN, reason);
    }

    static ResponseStatusException notFound(String reason) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, reason);
    }

    static ResponseStatusException conflict(String reason) {
        return new ResponseStatusException(HttpStatus.CONFLICT, reason);
    }
}
