/**
 * (督办文书) 督办通知单, 催办通知单, 整改通知书 and 办结报告 from .docx templates, numbered per Beijing year. Owns duban.document and
 * duban.document_counter.
 */
@ApplicationModule(
        displayName = "Documents",
        allowedDependencies = {"identity", "supervision", "taskform"})
package cn.duban.document;

import org.springframework.modulith.ApplicationModule;
