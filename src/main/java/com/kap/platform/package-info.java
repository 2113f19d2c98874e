/**
 * KAP's platform: what the business modules stand on and never the other way round. Errors and request limits
 * ({@code web}), identity plumbing, form values, notifications, operations, database, cluster, deployment policy,
 * the Tasklist fix, migration of running instances, the engine's guard, the demo's clock, and the plumbing of KAP's
 * own pages ({@code pages}: login, CSRF). An open module: every
 * module may use any of its types, and it uses none of theirs.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform",
    type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package com.kap.platform;
