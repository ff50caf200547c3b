package cn.duban.evidence;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evidence files (佐证材料) of plan tasks: adding them to an open step, listing, reading and deleting them, each with
 * its rule. Readers: the task's units (lead, support, implementing), the office and leaders. Adding and deleting: the
 * unit working the open step, its own files only; once the step is submitted its files are part of the record.
 */
@Service
public class EvidenceFiles {

    private static final String COLUMNS = """
            f.id, f.task_code, f.step, f.unit_id, coalesce(u.name, f.unit_id) as unit_name, f.uploaded_by,
            f.uploaded_at, f.file_name, f.content_type, f.size_bytes, f.process_instance_id, f.task_id, f.storage,
            f.storage_key
            from duban.evidence_file f left join duban.unit_directory u on u.id = f.unit_id""";

    private final JdbcClient jdbc;
    private final TaskParticipants participants;
    private final EvidenceProperties properties;
    private final Map<String, EvidenceStore> stores;
    private final EvidenceStore newFiles;
    private final ZoneId zone;

    EvidenceFiles(
            JdbcClient jdbc,
            TaskParticipants participants,
            EvidenceProperties properties,
            List<EvidenceStore> stores,
            @Value("${duban.time-zone}") ZoneId zone) {
        this.jdbc = jdbc;
        this.participants = participants;
        this.properties = properties;
        this.zone = zone;
        this.stores = new LinkedHashMap<>();
        stores.forEach(store -> this.stores.put(store.name(), store));
        this.newFiles = this.stores.get(properties.usesS3() ? S3EvidenceStore.NAME : DatabaseEvidenceStore.NAME);
    }

    /** A task's files, for the office's and leaders' pages (their right is checked at the door). */
    public List<EvidenceFile> ofTask(String taskCode) {
        return stored("where f.task_code = ? order by f.uploaded_at, f.file_name", taskCode).stream()
                .map(Stored::file)
                .toList();
    }

    /** How many files each task has, by task code (the ledger's 佐证材料数). */
    public Map<String, Integer> countsByTask() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        jdbc.sql("select task_code, count(*) from duban.evidence_file group by task_code")
                .query((rs, row) -> counts.put(rs.getString(1), rs.getInt(2)))
                .list();
        return counts;
    }

    /** What the step's panel in Tasklist shows: whether the caller may add files here, and the plan task's files. */
    Listing forStep(String taskId, Caller caller) {
        TaskParticipants.Step step =
                participants.step(taskId).orElseThrow(() -> EvidenceRefusal.notFound("没有这个督办任务步骤，或它不属于督办任务"));
        checkReader(step.processInstanceId(), caller);
        boolean canAdd = step.open()
                && EvidenceSteps.takesFiles(step.definitionKey())
                && participants.workingUnit(taskId, caller).isPresent();
        List<EvidenceFile> files = stored(
                        "where f.process_instance_id = ? order by f.uploaded_at, f.file_name", step.processInstanceId())
                .stream()
                .map(Stored::file)
                .toList();
        List<UUID> deletable = canAdd
                ? stored("where f.task_id = ?", taskId).stream()
                        .map(stored -> stored.file().id())
                        .toList()
                : List.of();
        return new Listing(
                canAdd,
                EvidenceSteps.takesFiles(step.definitionKey()),
                properties.maxFileSize().toBytes(),
                properties.maxFilesPerStep(),
                FileKinds.ACCEPTED,
                files,
                deletable);
    }

    /** A plan task's files by its code, for whoever may read them. */
    List<EvidenceFile> forTaskCode(String taskCode, Caller caller) {
        List<String> instances = participants.instancesOf(taskCode);
        if (instances.isEmpty()) {
            throw EvidenceRefusal.notFound("没有编号为“" + taskCode + "”的督办任务");
        }
        if (!caller.oversees() && instances.stream().noneMatch(instance -> takesPart(instance, caller))) {
            throw EvidenceRefusal.forbidden(EvidenceRefusal.READERS);
        }
        return ofTask(taskCode);
    }

    @Transactional
    EvidenceFile add(String taskId, Caller caller, String submittedName, byte[] bytes) {
        TaskParticipants.Step step =
                participants.step(taskId).orElseThrow(() -> EvidenceRefusal.notFound("没有这个督办任务步骤，或它不属于督办任务"));
        if (!step.open()) {
            throw EvidenceRefusal.conflict("这一步已经提交，不能再添加佐证材料。");
        }
        if (!EvidenceSteps.takesFiles(step.definitionKey())) {
            throw EvidenceRefusal.bad(
                    "“" + EvidenceSteps.name(step.definitionKey()) + "”这一步不收佐证材料：佐证材料在报送办理结果、配合办理、报送本地落实情况和督查核验时上传。");
        }
        String unit = participants
                .workingUnit(taskId, caller)
                .orElseThrow(() -> participants
                        .assigneeOtherThan(taskId, caller)
                        .filter(other -> participants.isCandidate(taskId, caller))
                        .map(other -> EvidenceRefusal.forbidden("这一步已由“" + other + "”签收办理，只有办理人可以添加佐证材料。"))
                        .orElseGet(() -> EvidenceRefusal.forbidden("只有承办这一步的单位可以添加佐证材料。")));
        String fileName = FileNames.clean(submittedName);
        if (bytes.length == 0) {
            throw EvidenceRefusal.bad("文件“" + fileName + "”是空的，请选择有内容的文件。");
        }
        long limit = properties.maxFileSize().toBytes();
        if (bytes.length > limit) {
            throw EvidenceRefusal.tooLarge("文件“" + fileName + "”有" + FileNames.size(bytes.length) + "，超过了每个文件"
                    + FileNames.size(limit) + "的上限，请压缩或拆分后再上传。");
        }
        String contentType = FileKinds.check(fileName, bytes);
        int already = jdbc.sql("select count(*) from duban.evidence_file where task_id = ?")
                .param(taskId)
                .query(Integer.class)
                .single();
        if (already >= properties.maxFilesPerStep()) {
            throw EvidenceRefusal.conflict(
                    "这一步已有" + already + "个佐证材料，已达上限" + properties.maxFilesPerStep() + "个，请合并后再上传。");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into duban.evidence_file (id, process_instance_id, task_code, task_id, step, unit_id,
                            uploaded_by, file_name, content_type, size_bytes, sha256, storage)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        id,
                        step.processInstanceId(),
                        step.taskCode(),
                        taskId,
                        step.definitionKey(),
                        unit,
                        caller.userId(),
                        fileName,
                        contentType,
                        bytes.length,
                        sha256(bytes),
                        newFiles.name())
                .update();
        String key = newFiles.put(id, bytes, contentType);
        if (key != null) {
            jdbc.sql("update duban.evidence_file set storage_key = ? where id = ?")
                    .params(key, id)
                    .update();
        }
        return find(id).orElseThrow().file();
    }

    /** The file and its bytes, for whoever may read the task's files. */
    Content read(UUID id, Caller caller) {
        Stored stored = find(id).orElseThrow(() -> EvidenceRefusal.notFound("没有这份佐证材料"));
        checkReader(stored.processInstanceId(), caller);
        return new Content(stored.file(), store(stored).get(id, stored.storageKey()));
    }

    /** Deletes a file its own unit attached to a step that is still open. */
    @Transactional
    void delete(UUID id, Caller caller) {
        Stored stored = find(id).orElseThrow(() -> EvidenceRefusal.notFound("没有这份佐证材料"));
        checkReader(stored.processInstanceId(), caller);
        if (!caller.groups().contains(stored.file().unitId())) {
            throw EvidenceRefusal.forbidden("只有上传单位可以删除自己的佐证材料。");
        }
        if (participants
                .step(stored.taskId())
                .filter(TaskParticipants.Step::open)
                .isEmpty()) {
            throw EvidenceRefusal.conflict("佐证材料已随“" + stored.file().stepName() + "”提交，成为督办记录的一部分，不能删除。");
        }
        if (participants.workingUnit(stored.taskId(), caller).isEmpty()) {
            throw EvidenceRefusal.forbidden("这一步已由本单位其他人签收办理，只有办理人可以删除佐证材料。");
        }
        jdbc.sql("delete from duban.evidence_file where id = ?").param(id).update();
        store(stored).delete(id, stored.storageKey());
    }

    private void checkReader(String processInstanceId, Caller caller) {
        if (!caller.oversees() && !takesPart(processInstanceId, caller)) {
            throw EvidenceRefusal.forbidden(EvidenceRefusal.READERS);
        }
    }

    private boolean takesPart(String processInstanceId, Caller caller) {
        Set<String> units = participants.unitsOf(processInstanceId);
        return caller.groups().stream().anyMatch(units::contains);
    }

    private EvidenceStore store(Stored stored) {
        EvidenceStore store = stores.get(stored.storage());
        if (store == null) {
            throw new IllegalStateException("evidence file " + stored.file().id() + " is in the " + stored.storage()
                    + " store, not configured");
        }
        return store;
    }

    private Optional<Stored> find(UUID id) {
        return stored("where f.id = ?", id).stream().findFirst();
    }

    private List<Stored> stored(String where, Object parameter) {
        return jdbc.sql("select " + COLUMNS + " " + where)
                .param(parameter)
                .query((rs, row) -> stored(rs))
                .list();
    }

    private Stored stored(ResultSet rs) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        String step = rs.getString("step");
        EvidenceFile file = new EvidenceFile(
                id,
                rs.getString("task_code"),
                step,
                EvidenceSteps.name(step),
                rs.getString("unit_id"),
                rs.getString("unit_name"),
                rs.getString("uploaded_by"),
                rs.getObject("uploaded_at", OffsetDateTime.class)
                        .atZoneSameInstant(zone)
                        .toOffsetDateTime(),
                rs.getString("file_name"),
                rs.getString("content_type"),
                rs.getLong("size_bytes"),
                "/api/evidence/" + id);
        return new Stored(
                file,
                rs.getString("process_instance_id"),
                rs.getString("task_id"),
                rs.getString("storage"),
                rs.getString("storage_key"));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A file with where it is kept. */
    private record Stored(
            EvidenceFile file, String processInstanceId, String taskId, String storage, String storageKey) {}

    /** A file and its bytes. */
    record Content(EvidenceFile file, byte[] bytes) {}

    /** A step's evidence panel. */
    record Listing(
            boolean canAdd,
            boolean stepTakesFiles,
            long maxFileSize,
            int maxFilesPerStep,
            String accepted,
            List<EvidenceFile> files,
            List<UUID> deletable) {}
}
