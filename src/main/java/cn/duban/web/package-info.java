/**
 * Error translation: Duban's and the engine REST's errors as Chinese problem details, the API documentation. No tables.
 * API: {@link cn.duban.web.ProblemResponses}, {@link cn.duban.web.RequestTooLargeException}, {@link
 * cn.duban.web.MalformedAddress}.
 */
@ApplicationModule(
        displayName = "Web",
        allowedDependencies = {"plan", "taskform"})
package cn.duban.web;

import org.springframework.modulith.ApplicationModule;
