package org.nianbao.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.Samples;
import org.nianbao.store.TestDatabases;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service killed with SIGKILL while it is busy — self-checks being stored, a round's job being assessed, a
 * ruleset being activated, findings being reviewed — loses nothing it acknowledged and leaves no half-written row:
 * after a restart every acknowledged self-check and review is there, the version in force is the last activation
 * acknowledged (or the one in flight at the kill), and the job finishes with each report assessed exactly once.
 * On H2 by default; on PostgreSQL too when {@code nianbao.test.postgres} names a server.
 */
@Tag("database")
@Tag("slow")
class CrashSafetyTest {

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aServiceKilledWhileBusyLosesNothingItAcknowledged() throws Exception {
        // the same instance started again (as on the same host and port): it takes up its own items at once
        List<String> database = new ArrayList<>(TestDatabases.arguments("crash", dir.resolve("db")));
        database.add("--nianbao.instance-id=crash-test");
        ServiceProcess first = ServiceProcess.start("first", dir, database);
        long round;
        long job;
        long reviewed;
        String fingerprint;
        String initial;
        Set<Long> selfChecks = ConcurrentHashMap.newKeySet();
        List<String> acknowledgedVersions = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicInteger activationsSent = new java.util.concurrent.atomic.AtomicInteger();
        Set<String> reviews = ConcurrentHashMap.newKeySet();
        try (first) {
            round = json.readTree(send(first, SignIn.asAdmin(first.url("/api/rounds")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"断电\",\"year\":2023}")).build(), 201)).get("id").asLong();
            HttpResponse<String> accepted = http.send(new Multipart().file("file", "reports.zip", reports(60))
                    .post(SignIn.asAdmin(first.url("/api/rounds/" + round + "/submissions"))), HttpResponse.BodyHandlers.ofString());
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            String location = accepted.headers().firstValue("Location").orElseThrow();
            job = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
            JsonNode checked = json.readTree(send(first, new Multipart().file("file", "004.txt", Samples.bytes("004_e93a6eea8c407df3.txt"))
                    .post(SignIn.asAdmin(first.url("/api/assessments"))), 201));
            reviewed = checked.get("id").asLong();
            selfChecks.add(reviewed);
            fingerprint = json.readTree(send(first, SignIn.asAdmin(first.url("/api/assessments/" + reviewed + "/reviews")).build(), 200))
                    .get("review").get("failures").get(0).get("fingerprint").asString();

            initial = json.readTree(send(first, SignIn.asAdmin(first.url("/api/rules")).build(), 200)).get("ruleset").asString();
            AtomicBoolean going = new AtomicBoolean(true);
            ExecutorService clients = Executors.newFixedThreadPool(5);
            for (int c = 0; c < 3; c++) { // self-checks
                clients.execute(() -> {
                    for (int i = 0; going.get(); i++) {
                        String sample = Samples.NAMES.get(i % Samples.NAMES.size());
                        try {
                            HttpResponse<String> r = http.send(new Multipart().file("file", sample, Samples.bytes(sample))
                                    .post(SignIn.asAdmin(first.url("/api/assessments"))), HttpResponse.BodyHandlers.ofString());
                            if (r.statusCode() == 201) {
                                selfChecks.add(json.readTree(r.body()).get("id").asLong());
                            }
                        } catch (Exception killed) {
                            return;
                        }
                    }
                });
            }
            clients.execute(() -> { // activations, the example rule in and out
                byte[] example = read("rules/examples/problems.dslr");
                for (int i = 0; going.get(); i++) {
                    try {
                        Multipart body = new Multipart().fields("reason", "断电测试 " + i);
                        HttpRequest request = i % 2 == 0
                                ? body.file("files", "problems.dslr", example).post(SignIn.asAdmin(first.url("/api/rules/activate")))
                                : body.post(SignIn.asAdmin(first.url("/api/rules/activate"))); // the rules folder again
                        activationsSent.incrementAndGet();
                        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() == 200) {
                            acknowledgedVersions.add(json.readTree(r.body()).get("version").asString());
                        }
                    } catch (Exception killed) {
                        return;
                    }
                }
            });
            clients.execute(() -> { // reviews of one finding, back and forth
                for (int i = 0; going.get(); i++) {
                    String reason = "复核 " + i;
                    try {
                        HttpResponse<String> r = http.send(SignIn.asAdmin(first.url("/api/assessments/" + reviewed + "/reviews"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("fingerprint",
                                        fingerprint, "decision", i % 2 == 0 ? "dismissed" : "confirmed", "reason", reason))))
                                .build(), HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() == 200) {
                            reviews.add(reason);
                        }
                    } catch (Exception killed) {
                        return;
                    }
                }
            });
            // busy for at least 2.5 s, and until an activation and a review were acknowledged (at most 120 s: an
            // activation builds and tests a ruleset, which on a loaded 2-core machine took over 30 s beside the clients)
            Instant busySince = Instant.now();
            while ((Duration.between(busySince, Instant.now()).toMillis() < 2500 || acknowledgedVersions.isEmpty()
                    || reviews.isEmpty()) && Duration.between(busySince, Instant.now()).toSeconds() < 120) {
                Thread.sleep(50);
            }
            first.kill(); // SIGKILL in the middle of all of it
            going.set(false);
            clients.shutdown();
            assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(selfChecks).as("self-checks acknowledged before the kill").hasSizeGreaterThan(1);
        assertThat(reviews).as("reviews acknowledged before the kill").isNotEmpty();

        try (ServiceProcess second = ServiceProcess.start("second", dir, database)) {
            // every stored assessment is whole (its score and its JSON read back), and every acknowledged one is there
            JsonNode listed = json.readTree(send(second, SignIn.asAdmin(second.url("/api/assessments")).build(), 200));
            Set<Long> stored = new java.util.HashSet<>();
            for (JsonNode a : listed) {
                assertThat(a.get("score").isNumber()).isTrue();
                stored.add(a.get("id").asLong());
            }
            assertThat(stored).containsAll(selfChecks);
            long newest = listed.get(listed.size() - 1).get("id").asLong();
            assertThat(json.readTree(send(second, SignIn.asAdmin(second.url("/api/assessments/" + newest)).build(), 200))
                    .get("findings").isArray()).isTrue();
            JsonNode history = json.readTree(send(second, SignIn.asAdmin(second.url("/api/assessments/" + reviewed + "/reviews")).build(), 200))
                    .get("history");
            List<String> reasons = history.valueStream().map(h -> h.get("reason").asString()).toList();
            assertThat(reasons).containsAll(reviews);

            String inForce = json.readTree(send(second, SignIn.asAdmin(second.url("/api/rules")).build(), 200)).get("ruleset").asString();
            assertThat(acknowledgedVersions).as("activations acknowledged before the kill").isNotEmpty();
            String last = acknowledgedVersions.get(acknowledgedVersions.size() - 1);
            if (activationsSent.get() == acknowledgedVersions.size()) {
                assertThat(inForce).as("the last activation acknowledged").isEqualTo(last);
            } else {
                // one was in flight at the kill: in force is the last acknowledged or that one (the other of the two)
                Set<String> either = new java.util.HashSet<>(acknowledgedVersions);
                either.add(initial);
                assertThat(inForce).isIn(either);
            }

            Instant until = Instant.now().plusSeconds(90);
            JsonNode state;
            while (!(state = json.readTree(send(second, SignIn.asAdmin(second.url("/api/jobs/" + job)).build(), 200)))
                    .get("state").asString().equals("done")) {
                assertThat(Instant.now()).as("the job did not finish after the restart: " + state).isBefore(until);
                Thread.sleep(100);
            }
            assertThat(state.get("done").asInt() + state.get("failed").asInt()).isEqualTo(60);
            assertThat(state.get("failed").asInt()).isZero();
            JsonNode submissions = json.readTree(send(second, SignIn.asAdmin(second.url("/api/rounds/" + round + "/submissions")).build(), 200));
            assertThat(submissions.size()).as("one submission per report, none twice").isEqualTo(60);
            assertThat(submissions.valueStream().map(s -> s.get("source").asString()).distinct().count()).isEqualTo(60);
            Set<Long> all = new java.util.HashSet<>();
            json.readTree(send(second, SignIn.asAdmin(second.url("/api/assessments")).build(), 200))
                    .forEach(a -> all.add(a.get("id").asLong()));
            assertThat(submissions.valueStream().map(s -> s.get("assessmentId").asLong()).toList()).allMatch(all::contains);

            // the orderly stop reaches its database: nothing to hand back, and no error on the way out
            second.stop();
            assertThat(second.log()).doesNotContain("未能交回", "already closed");
        }
    }

    private String send(ServiceProcess service, HttpRequest request, int expected) throws Exception {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(service.name + " " + request.uri() + ": " + r.body()).isEqualTo(expected);
        return r.body();
    }

    private static byte[] read(String path) {
        try {
            return Files.readAllBytes(Path.of(path));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A ZIP of {@code n} reports: the five samples over and over, each under its own name. */
    static byte[] reports(int n) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < n; i++) {
                String sample = Samples.NAMES.get(i % Samples.NAMES.size());
                zip.putNextEntry(new ZipEntry(String.format("%03d-%s", i, sample)));
                zip.write(Samples.bytes(sample));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
