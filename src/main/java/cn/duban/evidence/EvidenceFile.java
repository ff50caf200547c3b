package cn.duban.evidence;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One evidence file as people see it listed: which step and unit attached it, who and when, its name and size, and
 * the address to download it ({@code GET /api/evidence/{id}}).
 */
public record EvidenceFile(
        UUID id,
        String taskCode,
        String step,
        String stepName,
        String unitId,
        String unitName,
        String uploadedBy,
        OffsetDateTime uploadedAt,
        String fileName,
        String contentType,
        long size,
        String href) {}
