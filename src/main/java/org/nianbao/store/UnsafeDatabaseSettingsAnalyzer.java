package org.nianbao.store;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** The start-up message for a database configured to lose acknowledged writes: what was found, and what to do. */
class UnsafeDatabaseSettingsAnalyzer extends AbstractFailureAnalyzer<UnsafeDatabaseSettings> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UnsafeDatabaseSettings cause) {
        return new FailureAnalysis(
                "服务未启动：数据库设置 " + cause.setting() + " 会丢失已确认的写入 (the database setting "
                        + cause.setting() + " could lose acknowledged writes).\n" + cause.getMessage(),
                "去掉这项设置后重新启动；数据库地址只需写位置（如 jdbc:h2:file:/data/nianbao），持久性所需的设置由服务自行加上。"
                        + "见 docs/operations.md。 (Remove the setting: give the database's location only; the service adds"
                        + " what durability needs.)",
                cause);
    }
}
