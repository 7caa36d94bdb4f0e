package org.nianbao.assessment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;
import org.nianbao.extraction.LabelCatalog;
import org.nianbao.extraction.OrganCatalog;
import org.nianbao.extraction.StatementCatalog;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The version of what draws facts from a report: the code that reads and extracts (a hash of its classes, so that
 * any change to it is a new version without anyone remembering to number it), the statements the ruleset looks
 * for, the organ table it recognises organs by and the table labels it knows. Facts stored with the same version are the facts the report would give again; a dry run or a re-score runs
 * the rules over them instead of reading the report again.
 */
public final class ExtractorVersion {

    private static final List<String> CODE = List.of("org/nianbao/reading/", "org/nianbao/extraction/", "org/nianbao/report/");
    /** The code that makes an assessment of facts: the rule engine, the scoring and the assessment itself. */
    private static final List<String> ASSESSING = List.of("org/nianbao/rules/", "org/nianbao/scoring/", "org/nianbao/assessment/");
    /** Each list of folders' hash, worked out once. */
    private static final java.util.Map<List<String>, String> HASHES = new java.util.concurrent.ConcurrentHashMap<>();

    private ExtractorVersion() {
    }

    /** The version for a ruleset with these statements and this organ table, e.g. {@code 3f2a9c01b7e4-5d0e11aa42c9}. */
    public static String of(StatementCatalog statements, OrganCatalog organs) {
        return of(statements, organs, LabelCatalog.standard());
    }

    /** The version for a ruleset with these statements, this organ table and these table labels. */
    public static String of(StatementCatalog statements, OrganCatalog organs, LabelCatalog labels) {
        MessageDigest digest = sha256();
        digest.update(labels.digest().getBytes(StandardCharsets.UTF_8));
        statements.entries().forEach(e -> {
            digest.update((e.kind() + '\u0000' + e.name() + '\u0000' + new TreeSet<>(e.sections()) + '\u0000'
                    + e.pattern().pattern() + '\u0000' + e.reading() + '\u0001').getBytes(StandardCharsets.UTF_8));
        });
        if (organs != null) {
            // what recognition reads: each kind's names, endings, patterns and level, and the areas without a government
            for (OrganCatalog.Kind k : organs.kinds()) {
                digest.update((k.kind() + '\u0000' + k.level() + '\u0000' + k.names() + '\u0000' + k.endings() + '\u0000'
                        + k.patterns().stream().map(java.util.regex.Pattern::pattern).toList() + '\u0002')
                        .getBytes(StandardCharsets.UTF_8));
            }
            digest.update((organs.areasWithoutGovernment() + "\u0003").getBytes(StandardCharsets.UTF_8));
        }
        return code() + "-" + HexFormat.of().formatHex(digest.digest()).substring(0, 12);
    }

    /** A hash of the classes that read reports and extract their facts. */
    static String code() {
        return HASHES.computeIfAbsent(CODE, ExtractorVersion::hashOf);
    }

    /** A hash of the classes that run the rules over facts and score what they find. */
    static String assessing() {
        return HASHES.computeIfAbsent(ASSESSING, ExtractorVersion::hashOf);
    }

    private static String hashOf(List<String> folders) {
        MessageDigest digest = sha256();
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(ExtractorVersion.class.getClassLoader());
        // only the classes beside this one (the application's own, not a test's of the same package)
        String self = String.valueOf(ExtractorVersion.class.getResource("ExtractorVersion.class"));
        String root = self.substring(0, self.length() - "org/nianbao/assessment/ExtractorVersion.class".length());
        try {
            for (String folder : folders) {
                Resource[] classes = java.util.Arrays.stream(resolver.getResources("classpath*:" + folder + "**/*.class"))
                        .filter(r -> url(r).startsWith(root)).toArray(Resource[]::new);
                java.util.Arrays.sort(classes, Comparator.comparing(ExtractorVersion::pathOf));
                for (Resource r : classes) {
                    digest.update(pathOf(r).getBytes(StandardCharsets.UTF_8));
                    try (InputStream in = r.getInputStream()) {
                        digest.update(in.readAllBytes());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the application's classes could not be read", e);
        }
        return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
    }

    /** The class's path from its package on (the same inside a jar and in a build folder). */
    private static String pathOf(Resource r) {
        String url = url(r);
        int at = url.lastIndexOf("org/nianbao/");
        return at < 0 ? url : url.substring(at);
    }

    private static String url(Resource r) {
        try {
            return r.getURL().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
