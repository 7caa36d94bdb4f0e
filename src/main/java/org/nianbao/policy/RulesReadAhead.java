package org.nianbao.policy;

import java.nio.file.Path;
import org.nianbao.rules.RuleSetLoader;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;

/**
 * While the service starts, reads the compiled rules of its rules folder on a thread of their own: the start-up,
 * which is one thread's work, then finds them read when it puts the rules in force (the database's version is
 * most often the same files), and the rule engine's classes loaded even when it is not. Nothing is compiled here
 * and nothing reported: the start-up's own load does both.
 */
public final class RulesReadAhead implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        String dir = event.getEnvironment().getProperty("nianbao.rules-dir", "rules");
        Thread reader = new Thread(() -> {
            try {
                RuleSetLoader.readAhead(DefaultBundle.rulesOr(Path.of(dir)));
            } catch (RuntimeException e) {
                // a folder that cannot be read (or named) here the start-up reads, or reports, itself
            }
        }, "rules-read-ahead");
        reader.setDaemon(true);
        reader.start();
    }
}
