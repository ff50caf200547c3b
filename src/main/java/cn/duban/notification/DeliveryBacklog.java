package cn.duban.notification;

import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What the outbox holds back, by channel, for the metrics: messages given up after the last retry, and those waiting for one. */
@Component
public class DeliveryBacklog {

    private final JdbcClient jdbc;
    private final int maxAttempts;

    DeliveryBacklog(JdbcClient jdbc, @Value("${duban.notification.max-attempts}") int maxAttempts) {
        this.jdbc = jdbc;
        this.maxAttempts = maxAttempts;
    }

    /** Messages not sent and given up (no retry left), by channel; the inbox is never sent. */
    public Map<String, Long> failedByChannel() {
        return counts("attempts >= :max");
    }

    /** Messages that failed at least once and wait for a retry, by channel. */
    public Map<String, Long> retryingByChannel() {
        return counts("attempts > 0 and attempts < :max");
    }

    private Map<String, Long> counts(String condition) {
        return jdbc
                .sql("""
                        select channel, count(*) from duban.notification where sent_at is null and channel <> 'INBOX'
                        and\s""" + condition + " group by channel")
                .param("max", maxAttempts)
                .query((rs, row) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
