package cn.duban.security;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Counts failed logins per user name and per client address in PostgreSQL, with the database's clock, so every node
 * of a cluster sees the same counts and locks. A name or address that fails too often within the window is locked
 * for a while; a successful login clears its user name's count.
 */
@Service
public class LoginThrottle {

    private static final int MAX_NAME = 200;

    private final JdbcClient jdbc;
    private final LoginThrottleProperties limits;

    LoginThrottle(JdbcClient jdbc, LoginThrottleProperties limits) {
        this.jdbc = jdbc;
        this.limits = limits;
    }

    /** Where a login attempt stands before it is checked. */
    public record Standing(Duration lockedFor, boolean userHasFailures) {

        public boolean locked() {
            return !lockedFor.isZero();
        }
    }

    public Standing standing(String userName, String address) {
        String user = userKey(userName);
        List<Row> rows = jdbc.sql("""
                        select subject, greatest(0, ceil(extract(epoch from (locked_until - now()))))::bigint
                        from duban.login_attempt where subject in (?, ?)""")
                .params(user, addressKey(address))
                .query((rs, row) -> new Row(rs.getString(1), rs.getLong(2)))
                .list();
        long lockedSeconds = rows.stream().mapToLong(Row::lockedSeconds).max().orElse(0);
        return new Standing(Duration.ofSeconds(lockedSeconds), rows.stream().anyMatch(row -> row.subject().equals(user)));
    }

    public void failed(String userName, String address) {
        count(userKey(userName), limits.maxFailuresPerUser());
        count(addressKey(address), limits.maxFailuresPerAddress());
        jdbc.sql("""
                        delete from duban.login_attempt where window_start < now() - make_interval(secs => :keep)
                        and (locked_until is null or locked_until < now())""")
                .param("keep", 2 * Math.max(limits.window().toSeconds(), limits.lock().toSeconds()))
                .update();
    }

    public void succeeded(String userName) {
        jdbc.sql("delete from duban.login_attempt where subject = ?").param(userKey(userName)).update();
    }

    /** One more failure in the current window (or the first of a new one); the subject is locked at the limit. */
    private void count(String subject, int maxFailures) {
        jdbc.sql("""
                        insert into duban.login_attempt as a (subject, failures, window_start, locked_until)
                        values (:subject, 1, now(), case when 1 >= :max then now() + make_interval(secs => :lock) end)
                        on conflict (subject) do update set
                            failures = case when a.window_start <= now() - make_interval(secs => :window) then 1
                                            else a.failures + 1 end,
                            window_start = case when a.window_start <= now() - make_interval(secs => :window) then now()
                                                else a.window_start end,
                            locked_until = case when (case when a.window_start <= now() - make_interval(secs => :window)
                                                           then 1 else a.failures + 1 end) >= :max
                                                then now() + make_interval(secs => :lock) else a.locked_until end""")
                .param("subject", subject)
                .param("max", maxFailures)
                .param("window", limits.window().toSeconds())
                .param("lock", limits.lock().toSeconds())
                .update();
    }

    static String userKey(String userName) {
        String name = userName.strip().toLowerCase(Locale.ROOT);
        return "user:" + (name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name);
    }

    static String addressKey(String address) {
        return "address:" + (address == null ? "unknown" : address);
    }

    private record Row(String subject, long lockedSeconds) {
    }
}
