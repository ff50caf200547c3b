package cn.duban.security;

import cn.duban.identity.AsSystem;
import cn.duban.identity.DubanGroups;
import cn.duban.notification.Notifications;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells the supervision office and the administrators (inbox and e-mail) when a user name is under attack or an
 * address has been locked, once per counting window. Only names of real users are reported: what a stranger types
 * as a name is not worth anyone's attention, nor shown to anyone.
 */
@Component
class LoginAlerts {

    private static final List<String> TOLD = List.of(DubanGroups.SUPERVISION_OFFICE, DubanGroups.CAMUNDA_ADMIN);

    private final ObjectProvider<Notifications> notifications;
    private final ObjectProvider<IdentityService> identityService;
    private final JdbcClient jdbc;
    private final LoginThrottleProperties limits;

    /** The engine starts after the login filter is built: it is looked up when an alert is due. */
    LoginAlerts(
            ObjectProvider<Notifications> notifications,
            ObjectProvider<IdentityService> identityService,
            JdbcClient jdbc,
            LoginThrottleProperties limits) {
        this.notifications = notifications;
        this.identityService = identityService;
        this.jdbc = jdbc;
        this.limits = limits;
    }

    void nameUnderAttack(String user, int failures, Instant windowStart, boolean lockedForUnknownAddresses) {
        IdentityService identities = identityService.getObject();
        if (AsSystem.call(
                        identities,
                        () -> identities.createUserQuery().userId(user).count())
                == 0) {
            return;
        }
        long addresses = jdbc.sql("""
                        select count(*) from duban.login_failure
                        where user_name = ? and address <> '' and last_failure >= ?""")
                .params(user, Timestamp.from(windowStart))
                .query(Long.class)
                .single();
        String within =
                minutes(limits.window().toMinutes()) + "内账号“" + user + "”登录失败" + failures + "次，来自" + addresses + "个地址";
        if (lockedForUnknownAddresses) {
            notify(
                    "login-locked:user:" + user + ":" + windowStart.getEpochSecond(),
                    "安全提醒：账号“" + user + "”已暂停陌生地址登录",
                    within + "。此后" + minutes(limits.lock().toMinutes()) + "内，该账号只能从以往成功登录过的地址登录，"
                            + "其他地址的登录一律暂停。请核实是否有人在猜测其密码，必要时提醒该用户修改密码。");
        } else {
            notify(
                    "login-attack:user:" + user + ":" + windowStart.getEpochSecond(),
                    "安全提醒：账号“" + user + "”登录失败次数异常",
                    within + "，可能有人在猜测其密码。来自陌生地址的尝试已被逐次延缓；该用户在以往登录过的地址仍可正常登录。" + "如非本人所为，请核实并联系系统管理员。");
        }
    }

    void addressLocked(String address, int failures, Instant windowStart) {
        long names = jdbc.sql("""
                        select count(*) from duban.login_failure
                        where address = ? and user_name <> '' and last_failure >= ?""")
                .params(address, Timestamp.from(windowStart))
                .query(Long.class)
                .single();
        notify(
                "login-locked:address:" + address + ":" + windowStart.getEpochSecond(),
                "安全提醒：地址" + address + "已暂停登录",
                "地址" + address + "在" + minutes(limits.window().toMinutes()) + "内登录失败" + failures + "次，涉及"
                        + names + "个账号，已暂停从该地址登录" + minutes(limits.lock().toMinutes())
                        + "（以往在该地址成功登录过的账号不受影响）。请核实该地址的来源。");
    }

    private void notify(String eventKey, String subject, String body) {
        notifications
                .getObject()
                .notifyGroups(eventKey.length() > 200 ? eventKey.substring(0, 200) : eventKey, TOLD, subject, body);
    }

    private static String minutes(long minutes) {
        return minutes + "分钟";
    }
}
