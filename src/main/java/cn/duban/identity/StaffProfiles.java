package cn.duban.identity;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Writes a person's 姓名, phone and position. The supervision office and the administrators keep everyone's; a person
 * may change their own phone and nothing else, so that nobody renames the staff of another unit (or themselves) on
 * the record. The 姓名 is also the account's first name, so that Tasklist, Cockpit and Admin show it.
 */
@Service
class StaffProfiles {

    private static final Pattern NAME = Pattern.compile("[\\p{IsHan}·A-Za-z ]{2,20}");
    private static final Pattern PHONE = Pattern.compile("1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}");
    private static final int MAX_POSITION = 30;

    private final JdbcClient jdbc;
    private final IdentityService identityService;
    private final People people;

    StaffProfiles(JdbcClient jdbc, IdentityService identityService, People people) {
        this.jdbc = jdbc;
        this.identityService = identityService;
        this.people = people;
    }

    /** What the caller asks to record about {@code userId}; null fields are left as they are. */
    record Change(String name, String phone, String position) {}

    @Transactional
    Person update(String userId, Change change, Authentication caller) {
        User account = AsSystem.call(
                identityService,
                () -> identityService.createUserQuery().userId(userId).singleResult());
        if (account == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "没有用户“" + userId + "”");
        }
        Person now = people.of(userId);
        String name = change.name() == null ? now.name() : change.name().strip();
        String phone = change.phone() == null ? now.phone() : blankToNull(change.phone());
        String position = change.position() == null ? now.position() : blankToNull(change.position());
        List<String> groups = GroupAuthorities.groupIds(caller);
        boolean keeper = groups.contains(DubanGroups.SUPERVISION_OFFICE) || groups.contains(DubanGroups.CAMUNDA_ADMIN);
        if (!keeper) {
            if (!userId.equals(caller.getName())) {
                throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只能修改本人的联系电话；其他人员的信息由督查办维护");
            }
            if (!Objects.equals(name, now.name()) || !Objects.equals(position, now.position())) {
                throw new ResponseStatusException(HttpStatus.FORBIDDEN, "本人只能修改联系电话；姓名和职务由督查办维护");
            }
        }
        if (change.name() != null && !NAME.matcher(name).matches()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "姓名应为2至20个汉字或字母，当前为“" + name + "”");
        }
        if (phone != null && !PHONE.matcher(phone).matches()) {
            throw new ResponseStatusException(
                    HttpStatus.BAD_REQUEST, "联系电话“" + phone + "”格式不正确：应为11位手机号或带区号的固定电话（如0994-2345678）");
        }
        if (position != null && position.length() > MAX_POSITION) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "职务不能超过" + MAX_POSITION + "个字");
        }
        jdbc.sql("""
                        insert into duban.staff_profile (user_id, full_name, phone, position, updated_by, updated_at)
                        values (:id, :name, :phone, :position, :by, now())
                        on conflict (user_id) do update set full_name = excluded.full_name, phone = excluded.phone,
                            position = excluded.position, updated_by = excluded.updated_by, updated_at = now()""")
                .param("id", userId)
                .param("name", name.length() > 50 ? name.substring(0, 50) : name)
                .param("phone", phone)
                .param("position", position)
                .param("by", caller.getName())
                .update();
        if (!name.equals(now.name())) {
            AsSystem.run(identityService, () -> {
                account.setFirstName(name);
                account.setLastName("");
                identityService.saveUser(account);
            });
        }
        return people.of(userId);
    }

    private static String blankToNull(String value) {
        return value.isBlank() ? null : value.strip();
    }
}
