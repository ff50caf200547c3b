package cn.duban.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.support.DubanTest;
import cn.duban.support.TestUsers;
import cn.duban.support.WebappSession;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Five failed logins for one name within the window and the name is refused with 429 for a while, whatever the
 * password, at the machine doors and at the webapps' login page alike; the counts live in PostgreSQL.
 */
@DubanTest
class LoginThrottleIT {

    private static final int LIMIT = 5;

    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;
    private TestRestTemplate rest;

    /** A client that takes a 429 as the answer: the default one waits for Retry-After and asks again. */
    @BeforeEach
    void clientWithoutRetries() {
        rest = new TestRestTemplate(new RestTemplateBuilder()
                .requestFactory(() -> new HttpComponentsClientHttpRequestFactory(
                        HttpClients.custom().disableAutomaticRetries().disableCookieManagement().build()))
                .rootUri("http://localhost:" + port));
    }

    @BeforeEach
    @AfterEach
    void forgetTheAttempts() {
        // Every test client has the same address: start clean and leave no count behind for the tests that follow.
        jdbc.sql("delete from duban.login_attempt").update();
    }

    @Test
    void afterFiveWrongPasswordsEvenTheRightOneIsRefusedWith429() {
        String user = users.member("throttle-basic", "ecology-environment");
        for (int i = 0; i < LIMIT; i++) {
            assertThat(status(user, "wrong-" + i)).isEqualTo(401);
        }

        ResponseEntity<String> locked = rest.withBasicAuth(user, TestUsers.PASSWORD)
                .getForEntity("/api/units", String.class);

        assertThat(locked.getStatusCode().value()).isEqualTo(429);
        assertThat(locked.getBody()).contains("登录失败次数过多").contains("分钟后再试");
        assertThat(Long.parseLong(locked.getHeaders().getFirst("Retry-After"))).isBetween(1L, 15 * 60L);
        assertThat(status(user, TestUsers.PASSWORD, "/engine-rest/task")).as("every machine door").isEqualTo(429);
        String colleague = users.member("throttle-colleague", "ecology-environment");
        assertThat(status(colleague, TestUsers.PASSWORD)).as("other names are not locked").isEqualTo(200);
        assertThat(jdbc.sql("select failures from duban.login_attempt where subject = ?")
                .param("user:throttle-basic").query(Integer.class).single())
                .as("kept in the database every node shares").isEqualTo(LIMIT);
    }

    @Test
    void theLockEndsAndASuccessfulLoginClearsTheCount() {
        String user = users.member("throttle-expiry", "ecology-environment");
        for (int i = 0; i < LIMIT; i++) {
            status(user, "wrong");
        }
        assertThat(status(user, TestUsers.PASSWORD)).isEqualTo(429);

        jdbc.sql("""
                        update duban.login_attempt set locked_until = now() - interval '1 second',
                        window_start = now() - interval '1 hour' where subject = ?""")
                .param("user:throttle-expiry").update();

        assertThat(status(user, TestUsers.PASSWORD)).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from duban.login_attempt where subject = ?")
                .param("user:throttle-expiry").query(Long.class).single()).isZero();
        for (int i = 0; i < LIMIT - 1; i++) {
            assertThat(status(user, "wrong")).as("counting starts again").isEqualTo(401);
        }
        assertThat(status(user, TestUsers.PASSWORD)).isEqualTo(200);
    }

    @Test
    void theNameIsThrottledWhateverItsCase() {
        String user = users.member("throttle-case", "ecology-environment");
        for (int i = 0; i < LIMIT; i++) {
            status(i % 2 == 0 ? "THROTTLE-CASE" : "Throttle-Case", "wrong");
        }
        assertThat(status(user, TestUsers.PASSWORD)).isEqualTo(429);
    }

    @Test
    void theWebappsLoginIsThrottledTheSameWay() {
        String user = users.member("throttle-webapp", "ecology-environment");
        for (int i = 0; i < LIMIT; i++) {
            assertThat(WebappSession.attempt(rest, user, "wrong").getStatusCode().value()).isEqualTo(401);
        }

        ResponseEntity<String> locked = WebappSession.attempt(rest, user, TestUsers.PASSWORD);

        assertThat(locked.getStatusCode().value()).isEqualTo(429);
        assertThat(locked.getBody()).contains("登录失败次数过多");
        assertThat(status(user, TestUsers.PASSWORD)).as("the same name over HTTP Basic").isEqualTo(429);
    }

    @Test
    void aSuccessfulWebappLoginStillWorksAndClearsEarlierFailures() {
        String user = users.member("throttle-webapp-ok", "ecology-environment");
        WebappSession.attempt(rest, user, "wrong");

        WebappSession.login(rest, user, TestUsers.PASSWORD);

        assertThat(jdbc.sql("select count(*) from duban.login_attempt where subject = ?")
                .param("user:throttle-webapp-ok").query(Long.class).single()).isZero();
    }

    @Test
    void anAddressThatFailsTooOftenIsRefusedForEveryName() {
        String user = users.member("throttle-address", "ecology-environment");
        assertThat(status("someone-guessing", "wrong-1")).isEqualTo(401);
        // The address as the server saw it: "localhost" may be 127.0.0.1 or ::1, depending on the machine.
        String address = jdbc.sql("select subject from duban.login_attempt where subject like 'address:%'")
                .query(String.class).single();
        jdbc.sql("update duban.login_attempt set failures = 49 where subject = ?").param(address).update();

        assertThat(status("someone-guessing-again", "wrong-2")).isEqualTo(401);

        assertThat(status(user, TestUsers.PASSWORD)).as("the 50th failure from %s locks it", address).isEqualTo(429);
    }

    private int status(String user, String password) {
        return status(user, password, "/api/units");
    }

    private int status(String user, String password, String path) {
        return rest.withBasicAuth(user, password).getForEntity(path, String.class).getStatusCode().value();
    }
}
