package org.nianbao.web;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The description of the HTTP API that springdoc builds from the controllers ({@code GET /v3/api-docs}, browsable at
 * {@code /swagger-ui/index.html}), completed with what a caller needs and the code does not say: each endpoint's
 * summary in Chinese and English and an example request ({@code openapi/operations.yaml}), and who may call it, as
 * the security configuration decides ({@link ApiAccess}).
 */
@Configuration
public class ApiDocs {

    static final String OPERATIONS = "openapi/operations.yaml";

    /** One endpoint's words: Chinese and English summaries, and an example request. */
    record Words(String zh, String en, String example) {
    }

    static Map<String, Words> operations() {
        try (InputStream in = ApiDocs.class.getClassLoader().getResourceAsStream(OPERATIONS)) {
            if (in == null) {
                throw new IllegalStateException(OPERATIONS + " is missing");
            }
            Map<String, Words> words = new LinkedHashMap<>();
            JsonNode root = YAMLMapper.builder().build().readTree(in);
            root.properties().forEach(e -> words.put(e.getKey(), new Words(text(e.getValue(), "zh"),
                    text(e.getValue(), "en"), text(e.getValue(), "example"))));
            return words;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asString().strip();
    }

    @Bean
    OpenApiCustomizer describedAndGuarded() {
        Map<String, Words> words = operations();
        return api -> {
            api.info(new Info().title("nianbao — 政府信息公开工作年度报告合规评分 API")
                    .version("1")
                    .description("评分、评估轮次、规则与记分卡、账号。每个接口注明谁可以调用；需要账号时用 HTTP Basic "
                            + "或 API 令牌（Authorization: Bearer …，见 docs/security.md）。\n\n"
                            + "Scoring, evaluation rounds, rules and scorecards, accounts. Each endpoint says who may call "
                            + "it; with an account, use HTTP Basic or an API token (Authorization: Bearer …)."));
            api.schemaRequirement("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"));
            api.schemaRequirement("token", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer"));
            if (api.getPaths() == null) {
                return;
            }
            api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                    describe(method.name(), path, operation, words)));
        };
    }

    private static void describe(String method, String path, Operation operation, Map<String, Words> words) {
        ApiAccess.Rule rule = ApiAccess.of(method, path);
        Words w = words.get(method + " " + path);
        StringBuilder description = new StringBuilder();
        if (w != null) {
            operation.setSummary(w.zh() + " — " + w.en());
            description.append(w.zh()).append("\n\n").append(w.en()).append("\n\n");
        }
        description.append("**谁可以调用 (who may call it)**：").append(rule.who());
        if (w != null && w.example() != null) {
            description.append("\n\n例 (example):\n\n```\n").append(w.example()).append("\n```");
            operation.addExtension("x-codeSamples", List.of(Map.of("lang", "Shell", "source", w.example())));
        }
        operation.setDescription(description.toString());
        operation.addExtension("x-roles", rule.anyone() ? List.of("anyone")
                : rule.roles().isEmpty() ? List.of("any account") : rule.roles().stream().sorted().toList());
        if (!rule.anyone()) {
            operation.setSecurity(List.of(new SecurityRequirement().addList("basic"), new SecurityRequirement().addList("token")));
        }
    }

    /** The HTTP method names springdoc's path items use. */
    static List<PathItem.HttpMethod> methods() {
        return List.of(PathItem.HttpMethod.values());
    }
}
