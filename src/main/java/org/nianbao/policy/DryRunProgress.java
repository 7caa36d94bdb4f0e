package org.nianbao.policy;

/** Hears how far a dry run has got: how many reports it assesses, then how many are done (from any thread). */
public interface DryRunProgress {

    DryRunProgress NONE = new DryRunProgress() {
        @Override
        public void started(int reports) {
        }

        @Override
        public void done(int reports) {
        }
    };

    void started(int reports);

    void done(int reports);
}
