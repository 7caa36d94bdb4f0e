package org.nianbao.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.store.TestDatabases;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ruleset policy staff activate is the one in force after a restart, also when the service is killed right
 * after the activation was acknowledged: the database, not the rules folder, is the source of the version in force.
 */
@org.junit.jupiter.api.Tag("database")
@org.junit.jupiter.api.Tag("slow")
class RulesetPersistenceTest {

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    private String name;

    @org.junit.jupiter.api.BeforeEach
    void name(org.junit.jupiter.api.TestInfo test) {
        name = "persistence-" + test.getTestMethod().orElseThrow().getName();
    }

    /** The test's own database: an H2 file in its folder, or a fresh PostgreSQL database (see TestDatabases). */
    private List<String> database() {
        return TestDatabases.arguments(name, dir.resolve("db"));
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private JsonNode get(int port, String path) throws Exception {
        return json.readTree(http.send(SignIn.asAdmin("http://localhost:" + port + path).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body());
    }

    /** Activates the example rule of rules/examples/problems.dslr; returns the new version. */
    private String activate(int port) throws Exception {
        String dslr = Files.readString(Path.of("rules/examples/problems.dslr"));
        String boundary = UUID.randomUUID().toString();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (String[] field : List.of(new String[] {"by", "李四"}, new String[] {"reason", "要求至少列出两条问题"})) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field[0] + "\"\r\n\r\n"
                    + field[1] + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"problems.dslr\""
                + "\r\nContent-Type: text/plain\r\n\r\n" + dslr + "\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(SignIn.asAdmin("http://localhost:" + port + "/api/rules/activate")
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body()).get("version").asString();
    }

    @Test
    void anActivationSurvivesAKillRightAfterItWasAcknowledged() throws Exception {
        int port = freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java));
        command.addAll(ServiceProcess.jitAndCollector());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), org.nianbao.Main.class.getName(),
                "--server.port=" + port, "--logging.level.root=WARN"));
        command.addAll(ServiceProcess.withoutWarmUp(database()));
        File log = dir.resolve("service.log").toFile();

        Process service = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
        String activated;
        int versions;
        try {
            awaitUp(port, service, log);
            String seeded = get(port, "/api/rules").get("ruleset").asString();
            activated = activate(port);
            assertThat(activated).isNotEqualTo(seeded);
            versions = get(port, "/api/rules/versions").size();
        } finally {
            service.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no orderly close of the database
        }

        Process again = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
        try {
            awaitUp(port, again, log);
            // the activated version, not the rules folder, is in force; the start added no version of its own
            assertThat(get(port, "/api/rules").get("ruleset").asString()).isEqualTo(activated);
            JsonNode history = get(port, "/api/rules/versions");
            assertThat(history.size()).isEqualTo(versions);
            assertThat(history.get(0).get("activatedBy").asString()).isEqualTo(SignIn.ADMIN);
        } finally {
            again.destroyForcibly().waitFor();
        }
    }

    private void awaitUp(int port, Process process, File log) throws Exception {
        Instant until = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(until)) {
            if (!process.isAlive()) {
                throw new AssertionError("the service ended: " + Files.readString(log.toPath()));
            }
            try {
                if (http.send(SignIn.asAdmin("http://localhost:" + port + "/api/rules").build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the service did not start in 90 s: " + Files.readString(log.toPath()));
    }
}
