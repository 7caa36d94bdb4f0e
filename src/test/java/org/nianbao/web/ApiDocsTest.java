package org.nianbao.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The HTTP API's description lists every endpoint of the controllers, with its summaries, an example and who may call it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:api-docs;DB_CLOSE_DELAY=-1")
class ApiDocsTest {

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Every {@code METHOD /api/...} the controllers answer. */
    private List<String> endpoints() {
        List<String> all = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, method) -> info.getPatternValues().stream()
                .filter(p -> p.startsWith("/api/"))
                .map(p -> p.replaceAll("\\{(\\w+):[^}]*}", "{$1}")) // {id:\d+} is {id} to its description
                .forEach(p -> info.getMethodsCondition().getMethods()
                        .forEach(m -> all.add(m.name() + " " + p))));
        return all.stream().sorted().toList();
    }

    @Test
    void everyEndpointOfTheControllersIsDescribedWithItsSummariesExampleAndWhoMayCallIt() throws Exception {
        HttpResponse<String> docs = get("/v3/api-docs");
        assertThat(docs.statusCode()).as("open to anyone").isEqualTo(200);
        JsonNode paths = JsonMapper.builder().build().readTree(docs.body()).get("paths");
        List<String> endpoints = endpoints();
        assertThat(endpoints).hasSizeGreaterThan(30);
        List<String> missing = new ArrayList<>();
        for (String endpoint : endpoints) {
            String method = endpoint.substring(0, endpoint.indexOf(' ')).toLowerCase();
            String path = endpoint.substring(endpoint.indexOf(' ') + 1);
            JsonNode operation = paths.path(path).path(method);
            if (operation.isMissingNode() || operation.path("summary").asString("").isBlank()
                    || !operation.path("summary").asString().contains(" — ")
                    || operation.path("x-codeSamples").isMissingNode() || operation.path("x-roles").isMissingNode()) {
                missing.add(endpoint);
                continue;
            }
            ApiAccess.Rule rule = ApiAccess.of(method, path);
            assertThat(operation.path("description").asString()).as(endpoint).contains(rule.who());
        }
        assertThat(missing).as("endpoints without a summary, an example or their role in " + ApiDocs.OPERATIONS).isEmpty();
        assertThat(ApiDocs.operations().keySet()).as("no words for an endpoint that is not there").allMatch(endpoints::contains);
    }

    @Test
    void theRolesStatedAreTheRolesEnforced() throws Exception {
        JsonNode paths = JsonMapper.builder().build().readTree(get("/v3/api-docs").body()).get("paths");
        assertThat(paths.path("/api/assessments").path("post").path("x-roles").toString()).contains("anyone");
        assertThat(paths.path("/api/accounts").path("get").path("x-roles").toString()).contains("ADMIN");
        assertThat(paths.path("/api/rules/activate").path("post").path("x-roles").toString()).contains("EDITOR")
                .doesNotContain("REVIEWER");
        assertThat(paths.path("/api/rules").path("get").path("x-roles").toString()).contains("EDITOR", "REVIEWER");
        // and the service does what it says: an anonymous call to an account's endpoint is refused
        assertThat(get("/api/accounts").statusCode()).isEqualTo(401);
        assertThat(get("/api/rules").statusCode()).isEqualTo(401);
    }

    @Test
    void theBrowsablePageIsOpenToAnyone() throws Exception {
        HttpResponse<String> page = get("/swagger-ui/index.html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("swagger");
        assertThat(get("/swagger-ui.html").statusCode()).isBetween(200, 399);
    }
}
