/**
 * (信息公开) The public, read-only progress page of the plans the office opted in. Owns duban.public_plan.
 */
@ApplicationModule(
        displayName = "Public progress",
        allowedDependencies = {})
package cn.duban.publicprogress;

import org.springframework.modulith.ApplicationModule;
