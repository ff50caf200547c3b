package cn.duban.notification;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/** The units' robots and contacts ({@code duban.unit_reach}, {@code duban.unit_contact}), checked before they are kept. */
@Repository
public class UnitReaches {

    static final int MAX_CONTACTS = 20;
    private static final Pattern MOBILE = Pattern.compile("1[3-9][0-9]{9}");
    private static final Pattern WEBHOOK = Pattern.compile("https?://[^\\s]{1,490}");

    private final JdbcClient jdbc;

    UnitReaches(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<UnitReach> find(String unitId) {
        return jdbc.sql("""
                        select wecom_webhook, dingtalk_webhook, dingtalk_secret, sms_enabled
                        from duban.unit_reach where unit_id = ?""")
                .param(unitId)
                .query((rs, row) -> new UnitReach(
                        unitId, rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), contacts(unitId)))
                .optional();
    }

    /**
     * Every unit's robots and contacts, by unit, in two queries: a transaction that tells many units (a signed task
     * fanning out to every county) reads them once instead of once per unit.
     */
    Map<String, UnitReach> all() {
        Map<String, List<UnitReach.Contact>> contacts = new HashMap<>();
        jdbc.sql("select unit_id, name, mobile from duban.unit_contact order by unit_id, position")
                .query(rs -> {
                    contacts.computeIfAbsent(rs.getString(1), unit -> new ArrayList<>())
                            .add(new UnitReach.Contact(rs.getString(2), rs.getString(3)));
                });
        Map<String, UnitReach> reaches = new HashMap<>();
        jdbc.sql("""
                        select unit_id, wecom_webhook, dingtalk_webhook, dingtalk_secret, sms_enabled
                        from duban.unit_reach""").query(rs -> {
            String unitId = rs.getString(1);
            reaches.put(
                    unitId,
                    new UnitReach(
                            unitId,
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getBoolean(5),
                            contacts.getOrDefault(unitId, List.of())));
        });
        return reaches;
    }

    private List<UnitReach.Contact> contacts(String unitId) {
        return jdbc.sql("select name, mobile from duban.unit_contact where unit_id = ? order by position")
                .param(unitId)
                .query((rs, row) -> new UnitReach.Contact(rs.getString(1), rs.getString(2)))
                .list();
    }

    /** Replaces the unit's robots and contacts; refuses, in Chinese, what could never be delivered. */
    @Transactional
    public UnitReach save(UnitReach reach, String by) {
        boolean unitExists = jdbc.sql("select count(*) from duban.unit_directory where id = ?")
                        .param(reach.unitId())
                        .query(Long.class)
                        .single()
                == 1;
        if (!unitExists) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "没有编号为“" + reach.unitId() + "”的单位");
        }
        UnitReach clean = checked(reach);
        jdbc.sql("""
                        insert into duban.unit_reach (unit_id, wecom_webhook, dingtalk_webhook, dingtalk_secret,
                                                      sms_enabled, updated_by)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict (unit_id) do update set wecom_webhook = excluded.wecom_webhook,
                            dingtalk_webhook = excluded.dingtalk_webhook, dingtalk_secret = excluded.dingtalk_secret,
                            sms_enabled = excluded.sms_enabled, updated_by = excluded.updated_by, updated_at = now()""")
                .params(
                        clean.unitId(),
                        clean.wecomWebhook(),
                        clean.dingtalkWebhook(),
                        clean.dingtalkSecret(),
                        clean.smsEnabled(),
                        by)
                .update();
        jdbc.sql("delete from duban.unit_contact where unit_id = ?")
                .param(clean.unitId())
                .update();
        int position = 0;
        for (UnitReach.Contact contact : clean.contacts()) {
            jdbc.sql("insert into duban.unit_contact (unit_id, position, name, mobile) values (?, ?, ?, ?)")
                    .params(clean.unitId(), position++, contact.name(), contact.mobile())
                    .update();
        }
        return clean;
    }

    private static UnitReach checked(UnitReach reach) {
        String wecom = webhook(reach.wecomWebhook(), "企业微信机器人地址");
        String dingtalk = webhook(reach.dingtalkWebhook(), "钉钉机器人地址");
        String secret = blankToNull(reach.dingtalkSecret());
        if (secret != null && (secret.length() > 200 || !secret.matches("[\\x21-\\x7e]+"))) {
            throw bad("钉钉加签密钥应为不超过200个字符的英文字母、数字或符号");
        }
        if (secret != null && dingtalk == null) {
            throw bad("填写钉钉加签密钥时请同时填写钉钉机器人地址");
        }
        List<UnitReach.Contact> contacts = new ArrayList<>();
        Set<String> mobiles = new HashSet<>();
        List<UnitReach.Contact> given = reach.contacts() == null ? List.of() : reach.contacts();
        if (given.size() > MAX_CONTACTS) {
            throw bad("联系人不能超过" + MAX_CONTACTS + "位");
        }
        for (UnitReach.Contact contact : given) {
            String name = contact == null ? null : blankToNull(contact.name());
            String mobile = contact == null ? null : blankToNull(contact.mobile());
            if (name == null || name.length() > 40) {
                throw bad("请填写联系人姓名（不超过40字）");
            }
            if (mobile == null || !MOBILE.matcher(mobile).matches()) {
                throw bad("联系人“" + name + "”的手机号码应为11位数字，以1开头");
            }
            if (!mobiles.add(mobile)) {
                throw bad("手机号码" + mobile + "重复填写");
            }
            contacts.add(new UnitReach.Contact(name, mobile));
        }
        if (reach.smsEnabled() && contacts.isEmpty()) {
            throw bad("开启短信通知前请至少填写一位联系人");
        }
        return new UnitReach(reach.unitId(), wecom, dingtalk, secret, reach.smsEnabled(), List.copyOf(contacts));
    }

    private static String webhook(String value, String label) {
        String url = blankToNull(value);
        if (url != null && !WEBHOOK.matcher(url).matches()) {
            throw bad(label + "应以 https:// 或 http:// 开头，不超过500个字符");
        }
        return url;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static ResponseStatusException bad(String message) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, message);
    }
}
