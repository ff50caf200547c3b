package cn.duban.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first administrator, from the environment ({@code DUBAN_ADMIN_USER}, {@code DUBAN_ADMIN_PASSWORD}).
 * Nothing is created when they are unset; there is no default password.
 */
@ConfigurationProperties("duban.admin")
record AdminAccountProperties(String user, String password) {

    boolean configured() {
        return user != null && !user.isBlank();
    }
}
