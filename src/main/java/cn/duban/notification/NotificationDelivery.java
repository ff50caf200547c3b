package cn.duban.notification;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the outbox through the channels, apart from the workflow: a channel that is down never blocks or rolls
 * back a task, its messages wait and are retried with growing pauses. Rows are claimed with {@code FOR UPDATE SKIP
 * LOCKED}, so several nodes deliver side by side and no message goes out twice.
 */
@Service
public class NotificationDelivery {

    private static final Logger log = LoggerFactory.getLogger(NotificationDelivery.class);
    static final int BATCH = 50;

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Map<String, NotificationChannel> channels;
    private final int maxAttempts;

    NotificationDelivery(
            JdbcClient jdbc,
            TransactionTemplate transaction,
            List<NotificationChannel> channels,
            @Value("${duban.notification.max-attempts}") int maxAttempts) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.channels = channels.stream().collect(Collectors.toMap(NotificationChannel::name, Function.identity()));
        this.maxAttempts = maxAttempts;
    }

    /**
     * Delivers what is due now, at most a batch; returns how many messages went out. Each message is claimed, sent
     * and marked sent in a transaction of its own, so a node that dies mid-batch leaves at most the one message it
     * was sending to go out again from another node, not the whole batch.
     */
    public int deliverDue() {
        int delivered = 0;
        for (int i = 0; i < BATCH; i++) {
            Outcome outcome =
                    transaction.execute(status -> claimNext().map(this::deliver).orElse(Outcome.NOTHING_DUE));
            if (outcome == Outcome.NOTHING_DUE) {
                break;
            }
            if (outcome == Outcome.SENT) {
                delivered++;
            }
        }
        return delivered;
    }

    private Outcome deliver(Pending pending) {
        try {
            channels.get(pending.channel()).send(pending.address(), pending.subject(), pending.body());
        } catch (Exception e) {
            retryLater(pending, e);
            return Outcome.RETRY_LATER;
        }
        jdbc.sql("update duban.notification set sent_at = now(), attempts = attempts + 1 where id = ?")
                .param(pending.id())
                .update();
        return Outcome.SENT;
    }

    private Optional<Pending> claimNext() {
        return jdbc.sql("""
                        select id, channel, address, subject, body, attempts from duban.notification
                        where sent_at is null and channel = any(:channels) and next_attempt_at <= now()
                          and attempts < :max
                        order by id limit 1 for update skip locked""")
                .param("channels", channels.keySet().toArray(String[]::new))
                .param("max", maxAttempts)
                .query((rs, row) -> new Pending(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getInt(6)))
                .optional();
    }

    private void retryLater(Pending pending, Exception failure) {
        Duration pause = Duration.ofMinutes(Math.min(60, 1L << Math.min(pending.attempts(), 6)));
        String error = String.valueOf(failure.getMessage());
        jdbc.sql("""
                        update duban.notification set attempts = attempts + 1, last_error = ?,
                               next_attempt_at = now() + make_interval(secs => ?) where id = ?""")
                .params(error.length() > 1000 ? error.substring(0, 1000) : error, pause.toSeconds(), pending.id())
                .update();
        log.warn(
                "Notification {} via {} not delivered (attempt {}): {}",
                pending.id(),
                pending.channel(),
                pending.attempts() + 1,
                error);
    }

    private enum Outcome {
        SENT,
        RETRY_LATER,
        NOTHING_DUE
    }

    private record Pending(long id, String channel, String address, String subject, String body, int attempts) {}
}
