package cn.duban.security;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Failed logins, counted in PostgreSQL with the database's clock so every node of a cluster sees the same counts,
 * three ways at once:
 * <ul>
 *   <li>per user name and client address: each failure makes that pair wait longer before its next try (nothing,
 *   then 1 s, 2 s, 4 s, … up to {@code max-delay}), and many failures lock the pair. A stranger guessing a name's
 *   password slows down and locks himself only;</li>
 *   <li>per address over every name: an address that tries many names is locked, except for the names that have
 *   logged in from it before;</li>
 *   <li>per name over every address: a name attacked from many addresses may then be tried only from the addresses
 *   it has logged in from before ("known addresses", kept in PostgreSQL too).</li>
 * </ul>
 * A user who logs in correctly from a known address is therefore never locked out by what others do elsewhere.
 */
@Service
class LoginThrottle {

    /** The "every name" or "every address" side of a count. */
    static final String ANY = "";

    private static final int MAX_NAME = 200;
    private static final int MAX_ADDRESS = 100;
    /** A known address's date is renewed at most this often, so a REST client's every call writes nothing. */
    private static final Duration RENEW_KNOWN_ADDRESS = Duration.ofDays(1);

    private static final String NEW_WINDOW = "f.window_start <= now() - make_interval(secs => :window)";
    private static final String COUNT = "(case when " + NEW_WINDOW + " then 1 else f.failures + 1 end)";

    private final JdbcClient jdbc;
    private final LoginThrottleProperties limits;
    private final LoginAlerts alerts;

    LoginThrottle(JdbcClient jdbc, LoginThrottleProperties limits, LoginAlerts alerts) {
        this.jdbc = jdbc;
        this.limits = limits;
        this.alerts = alerts;
    }

    /**
     * Where a login attempt stands before its password is checked.
     *
     * @param user                  the name as counted (lower case)
     * @param address               the client address as counted
     * @param pairSeconds           the pair's delay or lock still to run
     * @param addressSeconds        the address's lock still to run
     * @param userSeconds           the name's lock (for unknown addresses) still to run
     * @param pairHasFailures       whether the pair has failures a success should clear
     * @param lastSuccessAgeSeconds how long ago the name last logged in from this address; -1 if never (or too long)
     */
    public record Standing(
            String user,
            String address,
            long pairSeconds,
            long addressSeconds,
            long userSeconds,
            boolean pairHasFailures,
            long lastSuccessAgeSeconds) {

        public boolean knownAddress() {
            return lastSuccessAgeSeconds >= 0;
        }

        /** How long this attempt must wait; zero if it may go ahead. */
        public Duration refusedFor() {
            if (pairSeconds > 0) {
                return Duration.ofSeconds(pairSeconds);
            }
            return knownAddress() ? Duration.ZERO : Duration.ofSeconds(Math.max(addressSeconds, userSeconds));
        }

        public boolean refused() {
            return !refusedFor().isZero();
        }
    }

    public Standing standing(String userName, String address) {
        String user = userKey(userName);
        String at = addressKey(address);
        List<Row> rows = jdbc.sql("""
                        select 'failure', user_name, address, failures,
                               greatest(0, ceil(extract(epoch from (locked_until - now()))))::bigint
                        from duban.login_failure
                        where (user_name, address) in ((:user, :address), (:user, ''), ('', :address))
                        union all
                        select 'known', user_name, address, 0, floor(extract(epoch from (now() - last_success)))::bigint
                        from duban.login_known_address
                        where user_name = :user and address = :address
                          and last_success > now() - make_interval(secs => :knownFor)""")
                .param("user", user)
                .param("address", at)
                .param("knownFor", limits.knownAddressFor().toSeconds())
                .query((rs, n) ->
                        new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getLong(5)))
                .list();
        long pair = 0;
        long onAddress = 0;
        long onUser = 0;
        boolean pairHasFailures = false;
        long lastSuccessAge = -1;
        for (Row row : rows) {
            if (row.kind().equals("known")) {
                lastSuccessAge = row.seconds();
            } else if (row.user().isEmpty()) {
                onAddress = row.seconds();
            } else if (row.address().isEmpty()) {
                onUser = row.seconds();
            } else {
                pair = row.seconds();
                pairHasFailures = row.failures() > 0;
            }
        }
        return new Standing(user, at, pair, onAddress, onUser, pairHasFailures, lastSuccessAge);
    }

    /** A wrong password for this name from this address: counted for the pair, the name and the address. */
    public void failed(String userName, String address) {
        String user = userKey(userName);
        String at = addressKey(address);
        List<Count> counts = jdbc.sql("""
                        insert into duban.login_failure as f
                            (user_name, address, failures, window_start, last_failure, locked_until)
                        values (:user, :address, 1, now(), now(), null), (:user, '', 1, now(), now(), null),
                               ('', :address, 1, now(), now(), null)
                        on conflict (user_name, address) do update set
                            failures = %1$s,
                            window_start = case when %2$s then now() else f.window_start end,
                            last_failure = now(),
                            locked_until = case
                                when f.user_name <> '' and f.address <> '' then now() + make_interval(secs =>
                                    case when %1$s >= :maxPair then :lock
                                         else least(:maxDelay, case when %1$s <= 1 then 0
                                                                    else power(2, least(%1$s - 2, 30)) end) end)
                                when %1$s >= case when f.address = '' then :maxUser else :maxAddress end
                                    then now() + make_interval(secs => :lock)
                                else f.locked_until end
                        returning user_name, address, failures, window_start""".formatted(COUNT, NEW_WINDOW))
                .param("user", user)
                .param("address", at)
                .param("window", limits.window().toSeconds())
                .param("lock", limits.lock().toSeconds())
                .param("maxDelay", limits.maxDelay().toSeconds())
                .param("maxPair", limits.maxFailuresPerPair())
                .param("maxUser", limits.maxFailuresPerUser())
                .param("maxAddress", limits.maxFailuresPerAddress())
                .query((rs, n) -> new Count(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getInt(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
        jdbc.sql("""
                        delete from duban.login_failure where window_start < now() - make_interval(secs => :keep)
                        and (locked_until is null or locked_until < now())""")
                .param(
                        "keep",
                        2 * Math.max(limits.window().toSeconds(), limits.lock().toSeconds()))
                .update();
        for (Count count : counts) {
            if (count.address().isEmpty()
                    && (count.failures() == limits.alertFailuresPerUser()
                            || count.failures() == limits.maxFailuresPerUser())) {
                alerts.nameUnderAttack(
                        count.user(),
                        count.failures(),
                        count.windowStart(),
                        count.failures() >= limits.maxFailuresPerUser());
            } else if (count.user().isEmpty() && count.failures() == limits.maxFailuresPerAddress()) {
                alerts.addressLocked(count.address(), count.failures(), count.windowStart());
            }
        }
    }

    /**
     * A right password for this name from this address: the pair's failures are forgotten and the address becomes
     * (or stays) known for the name. What others did from elsewhere stays counted.
     *
     * @param standing what {@link #standing} said before the check, or null to find out again
     */
    public void succeeded(String userName, String address, Standing standing) {
        String user = userKey(userName);
        String at = addressKey(address);
        Standing before = standing != null
                        && standing.user().equals(user)
                        && standing.address().equals(at)
                ? standing
                : standing(userName, address);
        if (before.pairHasFailures()) {
            jdbc.sql("delete from duban.login_failure where user_name = ? and address = ?")
                    .params(user, at)
                    .update();
        }
        if (!before.knownAddress() || before.lastSuccessAgeSeconds() > RENEW_KNOWN_ADDRESS.toSeconds()) {
            jdbc.sql("""
                            insert into duban.login_known_address (user_name, address, last_success)
                            values (?, ?, now())
                            on conflict (user_name, address) do update set last_success = now()""").params(user, at).update();
            jdbc.sql("delete from duban.login_known_address where last_success < now() - make_interval(secs => ?)")
                    .param(limits.knownAddressFor().toSeconds())
                    .update();
        }
    }

    static String userKey(String userName) {
        String name = userName.strip().toLowerCase(Locale.ROOT);
        return name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
    }

    static String addressKey(String address) {
        String at = address == null || address.isBlank() ? "unknown" : address.strip();
        return at.length() > MAX_ADDRESS ? at.substring(0, MAX_ADDRESS) : at;
    }

    private record Row(String kind, String user, String address, int failures, long seconds) {}

    private record Count(String user, String address, int failures, Instant windowStart) {}
}
