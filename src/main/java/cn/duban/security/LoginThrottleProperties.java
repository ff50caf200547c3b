package cn.duban.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many failed logins are tolerated before further attempts are refused for a while.
 *
 * @param maxFailuresPerUser    failures for one user name within {@code window} before the name is locked
 * @param maxFailuresPerAddress failures from one client address within {@code window} (offices share one address
 *                              behind their gateway, so this is higher)
 * @param window                how long failures are counted together
 * @param lock                  how long a locked name or address is refused
 */
@ConfigurationProperties("duban.security.login-throttle")
public record LoginThrottleProperties(int maxFailuresPerUser, int maxFailuresPerAddress, Duration window,
                                      Duration lock) {
}
