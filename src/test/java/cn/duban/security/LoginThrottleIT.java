package cn.duban.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.identity.DubanGroups;
import cn.duban.support.DubanTest;
import cn.duban.support.TestUsers;
import cn.duban.support.WebappSession;
import java.util.ArrayList;
import java.util.List;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Failed logins slow down and stop whoever makes them, not the user they aim at: a name failing from one client
 * address waits longer after each failure (429 with Retry-After meanwhile) and is locked there after many; an
 * address failing over many names is locked; a name attacked from many addresses may log in only from where it has
 * logged in before; and the supervision office is told. Clients at 127.0.0.2, 127.0.0.3, … are other addresses.
 */
@DubanTest
class LoginThrottleIT {

    private static final String HERE = "127.0.0.1";

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    private TestRestTemplate rest;

    /** A browser at 127.0.0.1 that takes a 429 as the answer (the default client waits for Retry-After). */
    @BeforeEach
    void clientWithoutRetries() {
        rest = new TestRestTemplate(new RestTemplateBuilder()
                .requestFactory(() -> new HttpComponentsClientHttpRequestFactory(HttpClients.custom()
                        .disableAutomaticRetries()
                        .disableCookieManagement()
                        .build()))
                .rootUri("http://" + HERE + ":" + port));
    }

    @BeforeEach
    @AfterEach
    void forgetTheAttempts() {
        // Every test shares these addresses: start clean and leave nothing behind for the tests that follow.
        jdbc.sql("delete from duban.login_failure").update();
        jdbc.sql("delete from duban.login_known_address").update();
    }

    @Test
    void aNameFailingFromOneAddressWaitsLongerAfterEachFailure() {
        String user = users.member("throttle-delay", "ecology-environment");
        List<Long> delays = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            assertThat(status(HERE, user, "wrong-" + i)).isEqualTo(401);
            delays.add(jdbc.sql("""
                            select coalesce(round(extract(epoch from (locked_until - last_failure))), 0)::bigint
                            from duban.login_failure where user_name = ? and address = ?""").params(user, HERE).query(Long.class).single());
            waitOver(user, HERE);
        }
        assertThat(delays).containsExactly(0L, 1L, 2L, 4L, 8L, 16L, 30L, 30L);

        assertThat(status(HERE, user, "wrong-again")).isEqualTo(401);
        RawHttp.Response held = client(HERE).basic(user, TestUsers.PASSWORD).get("/api/me");

        assertThat(held.status()).as("even the right password waits").isEqualTo(429);
        assertThat(Long.parseLong(held.header("Retry-After"))).isBetween(1L, 30L);
        assertThat(held.body()).contains("登录失败次数过多").contains("秒后再试");
        assertThat(status("127.0.0.2", user, TestUsers.PASSWORD))
                .as("from another address at once")
                .isEqualTo(200);
    }

    @Test
    void aStrangerWhoKeepsGuessingLocksOnlyHimself() {
        String user = users.member("throttle-pair", "ecology-environment");
        String stranger = "127.0.0.2";
        jdbc.sql("""
                insert into duban.login_failure (user_name, address, failures, window_start, last_failure)
                values (?, ?, 19, now(), now())""").params(user, stranger).update();

        assertThat(status(stranger, user, "guess-20")).isEqualTo(401);
        RawHttp.Response locked =
                client(stranger).basic(user, TestUsers.PASSWORD).get("/api/me");

        assertThat(locked.status()).isEqualTo(429);
        assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(14 * 60L, 15 * 60L);
        assertThat(locked.body()).contains("已暂停登录").contains("分钟后再试");
        assertThat(status(HERE, user, TestUsers.PASSWORD))
                .as("the user, elsewhere")
                .isEqualTo(200);
    }

    @Test
    void aNameAttackedFromManyAddressesStillLogsInFromWhereItLoggedInBefore() {
        String office = users.member("throttle-office", DubanGroups.SUPERVISION_OFFICE);
        String user = users.member("throttle-target", "ecology-environment");
        assertThat(status(HERE, user, TestUsers.PASSWORD)).isEqualTo(200);
        for (int i = 2; i <= 4; i++) {
            assertThat(status("127.0.0." + i, user, "guess")).isEqualTo(401);
        }
        jdbc.sql("update duban.login_failure set failures = 49 where user_name = ? and address = ''")
                .param(user)
                .update();

        assertThat(status("127.0.0.5", user, "guess"))
                .as("the 50th failure over every address")
                .isEqualTo(401);

        RawHttp.Response unknown =
                client("127.0.0.6").basic(user, TestUsers.PASSWORD).get("/api/me");
        assertThat(unknown.status())
                .as("an address the user never logged in from")
                .isEqualTo(429);
        assertThat(unknown.body()).contains("已暂停登录");
        assertThat(status(HERE, user, TestUsers.PASSWORD))
                .as("where the user logged in before")
                .isEqualTo(200);
        assertThat(WebappSession.attempt(rest, user, TestUsers.PASSWORD)
                        .getStatusCode()
                        .value())
                .as("the webapps' login from there too")
                .isEqualTo(200);
        assertThat(inbox(office, "login-locked:user:" + user))
                .as("the office is told")
                .singleElement()
                .asString()
                .contains("账号“" + user + "”已暂停陌生地址登录");
    }

    @Test
    void anAddressFailingOverManyNamesIsLockedExceptForNamesThatLoggedInThere() {
        String office = users.member("throttle-office", DubanGroups.SUPERVISION_OFFICE);
        String gateway = "127.0.0.7";
        String colleague = users.member("throttle-colleague", "ecology-environment");
        String newcomer = users.member("throttle-newcomer", "ecology-environment");
        assertThat(status(gateway, colleague, TestUsers.PASSWORD)).isEqualTo(200);
        assertThat(status(gateway, "someone-guessing", "wrong-1")).isEqualTo(401);
        jdbc.sql("update duban.login_failure set failures = 49 where user_name = '' and address = ?")
                .param(gateway)
                .update();

        assertThat(status(gateway, "someone-else", "wrong-2"))
                .as("the 50th failure from the address")
                .isEqualTo(401);

        assertThat(status(gateway, newcomer, TestUsers.PASSWORD))
                .as("a name new at this address")
                .isEqualTo(429);
        assertThat(status(gateway, colleague, TestUsers.PASSWORD))
                .as("a name known at this address")
                .isEqualTo(200);
        assertThat(status(HERE, newcomer, TestUsers.PASSWORD))
                .as("the newcomer elsewhere")
                .isEqualTo(200);
        assertThat(inbox(office, "login-locked:address:" + gateway))
                .singleElement()
                .asString()
                .contains("地址" + gateway + "已暂停登录");
    }

    @Test
    void onlyRealNamesUnderAttackAreReportedOncePerWindow() {
        String office = users.member("throttle-office", DubanGroups.SUPERVISION_OFFICE);
        String user = users.member("throttle-reported", "ecology-environment");
        for (int i = 0; i < 12; i++) {
            status("127.0.0." + (10 + i), user, "guess-" + i);
            status("127.0.0." + (10 + i), "no-such-user-at-all", "guess-" + i);
        }

        assertThat(inbox(office, "login-attack:user:" + user))
                .singleElement()
                .asString()
                .contains("账号“" + user + "”登录失败次数异常")
                .contains("10次")
                .contains("10个地址");
        assertThat(inbox(office, "login-attack:user:no-such-user-at-all")).isEmpty();
    }

    @Test
    void theWebappsLoginWaitsTheSameWay() {
        String user = users.member("throttle-webapp", "ecology-environment");
        jdbc.sql("""
                insert into duban.login_failure (user_name, address, failures, window_start, last_failure)
                values (?, ?, 6, now(), now())""").params(user, HERE).update();
        assertThat(WebappSession.attempt(rest, user, "wrong").getStatusCode().value())
                .isEqualTo(401);

        ResponseEntity<String> held = WebappSession.attempt(rest, user, TestUsers.PASSWORD);

        assertThat(held.getStatusCode().value()).isEqualTo(429);
        assertThat(held.getBody()).contains("登录失败次数过多");
        assertThat(status(HERE, user, TestUsers.PASSWORD))
                .as("the same name over HTTP Basic")
                .isEqualTo(429);
    }

    @Test
    void aSuccessfulLoginForgetsThePairsFailuresAndRemembersTheAddress() {
        String user = users.member("throttle-webapp-ok", "ecology-environment");
        assertThat(WebappSession.attempt(rest, user, "wrong").getStatusCode().value())
                .isEqualTo(401);

        WebappSession.login(rest, user, TestUsers.PASSWORD);

        assertThat(jdbc.sql("select count(*) from duban.login_failure where user_name = ? and address = ?")
                        .params(user, HERE)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from duban.login_known_address where user_name = ? and address = ?")
                        .params(user, HERE)
                        .query(Long.class)
                        .single())
                .as("kept in the database every node shares")
                .isOne();
    }

    @Test
    void theNameIsCountedWhateverItsCase() {
        users.member("throttle-case", "ecology-environment");
        status(HERE, "THROTTLE-CASE", "wrong");
        waitOver("throttle-case", HERE);
        status(HERE, "Throttle-Case", "wrong");

        assertThat(jdbc.sql("select failures from duban.login_failure where user_name = ? and address = ?")
                        .params("throttle-case", HERE)
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
    }

    private int status(String from, String user, String password) {
        return client(from).basic(user, password).get("/api/me").status();
    }

    private RawHttp client(String from) {
        return RawHttp.to(port).from(from);
    }

    /** The pair's delay has run out (as if the client had waited). */
    private void waitOver(String user, String address) {
        jdbc.sql("update duban.login_failure set locked_until = now() - interval '1 second' "
                        + "where user_name = ? and address = ?")
                .params(user, address)
                .update();
    }

    private List<String> inbox(String recipient, String eventKeyPrefix) {
        return jdbc.sql("""
                        select subject || '：' || body from duban.notification
                        where recipient = ? and channel = 'INBOX' and event_key like ?""")
                .params(recipient, eventKeyPrefix + ":%")
                .query(String.class)
                .list();
    }
}
