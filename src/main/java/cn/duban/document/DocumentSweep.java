package cn.duban.document;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Issues the documents the record calls for every few seconds on every node (safe: see {@link DocumentNumbers}). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "duban.document.sweep-enabled", havingValue = "true", matchIfMissing = true)
class DocumentSweep {

    private final Documents documents;

    DocumentSweep(Documents documents) {
        this.documents = documents;
    }

    @Scheduled(fixedDelayString = "${duban.document.sweep-interval:15s}", initialDelayString = "20s")
    void issue() {
        documents.issueDue();
    }
}
