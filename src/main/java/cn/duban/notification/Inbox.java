package cn.duban.notification;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import java.security.Principal;

/** The in-app inbox: {@code GET /api/inbox} (newest first, with the unread count), {@code POST /api/inbox/{id}/read}. */
@RestController
class Inbox {

    private final JdbcClient jdbc;

    Inbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/api/inbox")
    Map<String, Object> inbox(Principal user) {
        List<Message> messages = jdbc.sql("""
                        select id, subject, body, created_at, read_at is not null from duban.notification
                        where recipient = ? and channel = 'INBOX' order by created_at desc, id desc limit 100""")
                .param(user.getName())
                .query((rs, row) -> new Message(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class), rs.getBoolean(5)))
                .list();
        long unread = jdbc.sql("""
                        select count(*) from duban.notification
                        where recipient = ? and channel = 'INBOX' and read_at is null""")
                .param(user.getName()).query(Long.class).single();
        return Map.of("unread", unread, "messages", messages);
    }

    @PostMapping("/api/inbox/{id}/read")
    ResponseEntity<Void> markRead(@PathVariable long id, Principal user) {
        int updated = jdbc.sql("""
                        update duban.notification set read_at = coalesce(read_at, now())
                        where id = ? and recipient = ? and channel = 'INBOX'""")
                .params(id, user.getName()).update();
        return ResponseEntity.status(updated == 1 ? HttpStatus.NO_CONTENT : HttpStatus.NOT_FOUND).build();
    }

    /** One inbox entry. */
    record Message(long id, String subject, String body, OffsetDateTime createdAt, boolean read) {
    }
}
