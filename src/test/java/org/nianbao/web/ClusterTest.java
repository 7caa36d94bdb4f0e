package org.nianbao.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.Samples;
import org.nianbao.store.TestDatabases;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two instances of the service on one PostgreSQL database, each its own process on a loopback port: an activation
 * in one is in force in the other within two seconds; a round's job is shared between them with every report
 * scored exactly once; an instance killed with SIGKILL in the middle of the job leaves its items to the other once
 * their lease has run out. Runs when {@code nianbao.test.postgres} names a server (as {@code .ci/run} does).
 */
@Tag("database")
class ClusterTest {

    private static final Duration LEASE = Duration.ofSeconds(3);

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final List<ServiceProcess> started = new ArrayList<>();
    private String database;

    @AfterEach
    void stopAll() throws InterruptedException {
        for (ServiceProcess p : started) {
            p.kill();
        }
    }

    @Test
    void twoInstancesShareOneRulesetAndOneQueueAndOneTakesOverWhenTheOtherIsKilled() throws Exception {
        assumeTrue(TestDatabases.postgres() != null, "needs a PostgreSQL server (nianbao.test.postgres)");
        database = TestDatabases.url("cluster", null);
        ServiceProcess a = start("A");
        ServiceProcess b = start("B");
        int portA = a.port;
        int portB = b.port;

        // an activation in A is in force in B within two seconds, and B's assessments name it (timed the second time:
        // a running instance, not one whose rule compiler has run once)
        String before = get(portB, "/api/rules").get("ruleset").asString();
        String example = activate(portA, true);
        Instant warmUntil = Instant.now().plusSeconds(10);
        while (!get(portB, "/api/rules").get("ruleset").asString().equals(example)) {
            assertThat(Instant.now()).as("B never followed A").isBefore(warmUntil);
            Thread.sleep(50);
        }
        String activated = activate(portA, false);
        assertThat(activated).isNotEqualTo(example).isEqualTo(before);
        Instant acknowledged = Instant.now();
        while (!get(portB, "/api/rules").get("ruleset").asString().equals(activated)) {
            assertThat(Duration.between(acknowledged, Instant.now())).as("B still on the old version")
                    .isLessThan(Duration.ofSeconds(2));
            Thread.sleep(50);
        }
        Duration followed = Duration.between(acknowledged, Instant.now());
        HttpResponse<String> checked = http.send(new Multipart()
                .file("file", "004.txt", Samples.bytes("004_e93a6eea8c407df3.txt"))
                .post(SignIn.asAdmin(url(portB, "/api/assessments"))), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(checked.statusCode()).as(checked.body()).isEqualTo(201);
        assertThat(json.readTree(checked.body()).get("ruleset").get("version").asString()).isEqualTo(activated);

        // one job of 300 reports, handed in to A, shared by A and B
        HttpResponse<String> round = http.send(SignIn.asAdmin(url(portA, "/api/rounds"))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"name\":\"两个实例\",\"year\":2023}")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(round.statusCode()).as(round.body()).isEqualTo(201);
        long roundId = json.readTree(round.body()).get("id").asLong();
        HttpResponse<String> accepted = http.send(new Multipart().file("file", "reports.zip", CrashSafetyTest.reports(300))
                .post(SignIn.asAdmin(url(portA, "/api/rounds/" + roundId + "/submissions"))),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String job = accepted.headers().firstValue("Location").orElseThrow();
        long jobId = Long.parseLong(job.substring(job.lastIndexOf('/') + 1));

        // A is killed once the job is well under way and while it holds items; what it held then, B finishes after
        // the lease. Watched in the database itself: a fast machine finishes 300 reports in the time of a few requests.
        Instant until = Instant.now().plusSeconds(60);
        while (count("SELECT COUNT(*) FROM job_item WHERE job_id = ? AND state = 'done'", jobId) < 60
                || ids("SELECT id FROM job_item WHERE job_id = ? AND state = 'pending' AND claimed_by = 'A'", jobId).isEmpty()) {
            assertThat(Instant.now()).as("the job did not get going").isBefore(until);
            Thread.sleep(5);
        }
        a.kill(); // SIGKILL: no shutdown hook, nothing handed back
        Instant killed = Instant.now();
        List<Long> heldByA = ids("SELECT id FROM job_item WHERE job_id = ? AND state = 'pending' AND claimed_by = 'A'", jobId);

        until = Instant.now().plusSeconds(120);
        JsonNode state;
        while (!(state = get(portB, job)).get("state").asString().equals("done")) {
            assertThat(Instant.now()).as("B did not finish the job: " + state).isBefore(until);
            Thread.sleep(100);
        }
        Duration finishing = Duration.between(killed, Instant.now());
        assertThat(state.get("total").asInt()).isEqualTo(300);
        assertThat(state.get("done").asInt()).isEqualTo(300);

        // every report scored exactly once: one submission and one assessment per item, nothing left half-written
        assertThat(count("SELECT COUNT(*) FROM round_submission s JOIN job_item i ON i.id = s.job_item_id WHERE i.job_id = ?", jobId))
                .isEqualTo(300);
        assertThat(count("SELECT COUNT(DISTINCT s.job_item_id) FROM round_submission s JOIN job_item i ON i.id = s.job_item_id"
                + " WHERE i.job_id = ? AND s.assessment_id IS NOT NULL", jobId)).isEqualTo(300);
        assertThat(count("SELECT COUNT(*) FROM assessment a WHERE NOT EXISTS"
                + " (SELECT 1 FROM round_submission s WHERE s.assessment_id = a.id)")).as("assessments outside the round")
                .isEqualTo(1); // the self-check above
        Map<String, Long> byInstance = byInstance(jobId);
        assertThat(byInstance.getOrDefault("A", 0L)).as("items A finished " + byInstance).isPositive();
        assertThat(byInstance.getOrDefault("B", 0L)).as("items B finished " + byInstance).isPositive();
        assertThat(heldByA).as("A held items when it was killed").isNotEmpty();
        for (long id : heldByA) {
            assertThat(ids("SELECT id FROM job_item WHERE id = ? AND state = 'done' AND claimed_by = 'B'", id))
                    .as("item " + id + " that A held, finished by B").containsExactly(id);
        }
        // a lease is renewed every third of its length, so what A held had at least two thirds of it left (less a poll)
        assertThat(finishing).as("B waited for A's leases to run out")
                .isGreaterThanOrEqualTo(LEASE.multipliedBy(2).dividedBy(3).minusMillis(500));
        // A started again; B stopped in order (SIGTERM) in the middle of a second job: it finishes what it is assessing,
        // hands the rest back at once (nothing left claimed by it), and A finishes the job
        ServiceProcess again = start("A");
        HttpResponse<String> second = http.send(new Multipart().file("file", "more.zip", CrashSafetyTest.reports(100))
                .post(SignIn.asAdmin(url(portB, "/api/rounds/" + roundId + "/submissions"))),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(second.statusCode()).as(second.body()).isEqualTo(202);
        String secondJob = second.headers().firstValue("Location").orElseThrow();
        long secondId = Long.parseLong(secondJob.substring(secondJob.lastIndexOf('/') + 1));
        until = Instant.now().plusSeconds(60);
        while (get(again.port, secondJob).get("done").asInt() < 10) {
            assertThat(Instant.now()).as("the second job did not get going").isBefore(until);
            Thread.sleep(20);
        }
        b.stop();
        assertThat(ids("SELECT id FROM job_item WHERE job_id = ? AND state = 'pending' AND claimed_by = 'B'", secondId))
                .as("items B kept after an orderly stop").isEmpty();
        until = Instant.now().plusSeconds(60);
        while (!(state = get(again.port, secondJob)).get("state").asString().equals("done")) {
            assertThat(Instant.now()).as("A did not finish the second job: " + state).isBefore(until);
            Thread.sleep(100);
        }
        assertThat(state.get("done").asInt()).isEqualTo(100);
        assertThat(count("SELECT COUNT(*) FROM round_submission s JOIN job_item i ON i.id = s.job_item_id WHERE i.job_id = ?",
                secondId)).isEqualTo(100);

        System.out.println("two instances: the activation in A in force in B " + followed.toMillis() + " ms after A answered;"
                + " A killed, B finished the job " + finishing.toMillis() + " ms later; items done by "
                + byInstance + "; A held " + heldByA.size() + " items when killed; B: "
                + b.log().lines().filter(l -> l.contains("built in")).map(l -> l.substring(l.indexOf("(now"))).toList());
    }

    private ServiceProcess start(String name) throws Exception {
        ServiceProcess p = ServiceProcess.start(name, dir, List.of("--nianbao.instance-id=" + name,
                "--logging.level.org.nianbao.policy.RulesetFollower=INFO",
                "--nianbao.jobs.threads=2", "--nianbao.jobs.lease=PT" + LEASE.toSeconds() + "S", "--nianbao.jobs.poll=PT0.2S",
                "--spring.datasource.url=" + database,
                "--spring.datasource.username=" + TestDatabases.user(), "--spring.datasource.password="));
        started.add(p);
        return p;
    }

    private static String url(int port, String path) {
        return "http://localhost:" + port + path;
    }

    private JsonNode get(int port, String path) throws Exception {
        return json.readTree(http.send(SignIn.asAdmin(url(port, path)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body());
    }

    /** Activates, in the instance on {@code port}, the example rule of rules/examples/problems.dslr, or the rules folder. */
    private String activate(int port, boolean example) throws Exception {
        Multipart body = new Multipart().fields("reason", "两个实例：一处启用，处处生效");
        if (example) {
            body.file("files", "problems.dslr", Files.readAllBytes(Path.of("rules/examples/problems.dslr")));
        }
        HttpResponse<String> response = http.send(body.post(SignIn.asAdmin(url(port, "/api/rules/activate"))),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body()).get("version").asString();
    }

    private Connection connect() throws Exception {
        return DriverManager.getConnection(database, TestDatabases.user(), "");
    }

    private long count(String sql, long... parameters) throws Exception {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setLong(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private List<Long> ids(String sql, long parameter) throws Exception {
        List<Long> ids = new ArrayList<>();
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    private Map<String, Long> byInstance(long jobId) throws Exception {
        Map<String, Long> counts = new HashMap<>();
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(
                "SELECT claimed_by, COUNT(*) FROM job_item WHERE job_id = ? AND state = 'done' GROUP BY claimed_by")) {
            s.setLong(1, jobId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return counts;
    }
}
