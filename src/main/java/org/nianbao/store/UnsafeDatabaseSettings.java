package org.nianbao.store;

/**
 * The database is configured so that a write the service acknowledges could be lost: the service refuses to start,
 * and says what to change (see {@link UnsafeDatabaseSettingsAnalyzer}).
 */
public class UnsafeDatabaseSettings extends RuntimeException {

    private final String setting;

    /** {@code setting}: what was found, as the operator wrote it; {@code message}: what it does and what to do (Chinese). */
    public UnsafeDatabaseSettings(String setting, String message) {
        super(message + " (unsafe database setting: " + setting + ")");
        this.setting = setting;
    }

    public String setting() {
        return setting;
    }
}
