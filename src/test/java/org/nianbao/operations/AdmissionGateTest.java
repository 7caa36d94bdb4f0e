package org.nianbao.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class AdmissionGateTest {

    @Test
    void aPlaceFreedGoesToTheRequestWaitingForItNotToOneThatJustArrived() throws Exception {
        Admission.Gate gate = new Admission.Gate("test", 1, 8);
        assertThat(gate.enter(Duration.ZERO)).isTrue();
        AtomicBoolean waiterEntered = new AtomicBoolean();
        Thread waiter = new Thread(() -> {
            try {
                waiterEntered.set(gate.enter(Duration.ofSeconds(30)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        waiter.start();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (waiter.getState() != Thread.State.TIMED_WAITING && System.nanoTime() < until) {
            Thread.sleep(1);
        }
        assertThat(waiter.getState()).as("the first request waits in line").isEqualTo(Thread.State.TIMED_WAITING);

        gate.leave();
        boolean latecomer = gate.enter(Duration.ZERO);
        waiter.join(30_000);

        assertThat(latecomer).as("a request arriving as the place is freed does not jump the line").isFalse();
        assertThat(waiterEntered).as("the place went to the one waiting").isTrue();
    }

    @Test
    void aFullLineTurnsANewRequestAwayAtOnce() throws Exception {
        Admission.Gate gate = new Admission.Gate("test", 1, 0);
        assertThat(gate.enter(Duration.ZERO)).isTrue();
        long start = System.nanoTime();
        assertThat(gate.enter(Duration.ofSeconds(30))).isFalse();
        assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(5));
        gate.leave();
        assertThat(gate.enter(Duration.ZERO)).as("a free place with nobody waiting is taken").isTrue();
    }
}
