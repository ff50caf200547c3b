package cn.duban.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How failed logins slow down and stop whoever makes them, without letting a stranger lock a user out.
 *
 * @param maxDelay              a user name failing from one client address waits before its next try: nothing after
 *                              the first failure, then 1 s, 2 s, 4 s, … up to this
 * @param maxFailuresPerPair    failures of one name from one address within {@code window} before that pair is
 *                              locked for {@code lock}
 * @param maxFailuresPerAddress failures from one address over every name within {@code window} before the address
 *                              is locked for {@code lock}, except for the names that have logged in from it before
 *                              (an office behind one gateway is one address)
 * @param maxFailuresPerUser    failures of one name over every address within {@code window} before the name may be
 *                              tried only from the addresses it has logged in from before, for {@code lock}
 * @param alertFailuresPerUser  failures of one existing name within {@code window} at which the supervision office and
 *                              the administrators are told (inbox and e-mail); a locked address is told too
 * @param window                how long failures are counted together
 * @param lock                  how long a locked pair, address or name is refused
 * @param knownAddressFor       how long an address a user logged in from stays known for that user
 */
@ConfigurationProperties("duban.security.login-throttle")
public record LoginThrottleProperties(
        Duration maxDelay,
        int maxFailuresPerPair,
        int maxFailuresPerAddress,
        int maxFailuresPerUser,
        int alertFailuresPerUser,
        Duration window,
        Duration lock,
        Duration knownAddressFor) {}
