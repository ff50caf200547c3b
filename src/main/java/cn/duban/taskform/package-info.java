/**
 * (表单规则) The rules for what people submit in task forms, checked again on the server. No tables. API: {@link
 * cn.duban.taskform.FieldRule}, {@link cn.duban.taskform.SubmissionRejectedException}, …
 */
@ApplicationModule(
        displayName = "Task form",
        allowedDependencies = {})
package cn.duban.taskform;

import org.springframework.modulith.ApplicationModule;
