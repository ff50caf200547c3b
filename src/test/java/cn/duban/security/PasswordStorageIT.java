package cn.duban.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.support.DubanTest;
import cn.duban.support.TestUsers;
import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Passwords are stored salted and hashed, and outside the demo profile nobody has a password anyone could guess. */
@DubanTest
class PasswordStorageIT {

    private static final List<String> DEFAULT_PASSWORDS =
            List.of("demo", "admin", "password", "camunda", "123456", "12345678", "Passw0rd", "duban", "changeme", "");

    @Autowired
    TestUsers users;

    @Autowired
    IdentityService identityService;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Environment environment;

    @Test
    void aPasswordIsStoredSaltedAndHashedNeverAsItself() {
        users.member("hash-one", "finance");
        users.member("hash-two", "finance");

        Stored one = stored("hash-one");
        Stored two = stored("hash-two");

        assertThat(one.password()).doesNotContain(TestUsers.PASSWORD).startsWith("{SHA-512}");
        assertThat(one.salt()).isNotBlank();
        assertThat(one.salt()).isNotEqualTo(two.salt());
        assertThat(one.password()).as("the same password, salted differently").isNotEqualTo(two.password());
        assertThat(identityService.checkPassword("hash-one", TestUsers.PASSWORD))
                .isTrue();
    }

    @Test
    void outsideTheDemoProfileNoUserHasADefaultPassword() {
        assertThat(environment.getActiveProfiles()).doesNotContain("demo");
        assertThat(identityService.createUserQuery().userId("admin").count())
                .as("no default administrator")
                .isZero();
        assertThat(identityService
                        .createUserQuery()
                        .userId("ecology-environment")
                        .count())
                .as("no demo users")
                .isZero();
        for (User user : identityService.createUserQuery().list()) {
            for (String guess : DEFAULT_PASSWORDS) {
                assertThat(identityService.checkPassword(user.getId(), guess))
                        .as(user.getId() + " / " + guess)
                        .isFalse();
            }
            assertThat(identityService.checkPassword(user.getId(), user.getId()))
                    .as(user.getId())
                    .isFalse();
        }
    }

    @Test
    void onlyTheDemoProfileConfiguresAPassword() throws IOException {
        Pattern passwordDefault =
                Pattern.compile("(?i)password:\\s*\\$\\{[A-Z_]+:([^}]*)}|password:\\s*([^$\\s#][^#\\n]*)");
        for (String file : List.of("application.yaml", "application-postgres.yaml")) {
            Matcher matcher = passwordDefault.matcher(
                    new ClassPathResource(file).getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
            while (matcher.find()) {
                String fallback = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
                assertThat(fallback.strip()).as(file + ": " + matcher.group()).isEmpty();
            }
        }
    }

    private Stored stored(String userId) {
        return jdbc.sql("select pwd_, salt_ from act_id_user where id_ = ?")
                .param(userId)
                .query((rs, row) -> new Stored(rs.getString(1), rs.getString(2)))
                .single();
    }

    private record Stored(String password, String salt) {}
}
