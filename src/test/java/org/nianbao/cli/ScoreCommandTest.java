package org.nianbao.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.Samples;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ScoreCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return ScoreCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void scoresAFolderAsOneJsonArrayAndKeepsGoingPastBadFiles() throws IOException {
        Files.copy(Samples.DIR.resolve("001_0f3a3c160bddc4d1.txt"), dir.resolve("a.txt"));
        Files.write(dir.resolve("b-empty.txt"), new byte[0]);
        Files.writeString(dir.resolve("c-not-a-report.txt"), "会议纪要\n今天讨论了食堂菜单。\n");
        Files.copy(Samples.DIR.resolve("002_6d7e4eb448e02a30.txt"), dir.resolve("d.txt"));

        int status = run("--facts", dir.toString());

        assertThat(status).isEqualTo(2);
        JsonNode results = JsonMapper.builder().build().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(results.size()).isEqualTo(4);
        assertThat(results.get(0).get("grade").asString()).isNotBlank();
        assertThat(results.get(0).get("facts").get("cells").size()).isEqualTo(200);
        assertThat(results.get(1).get("error").asString()).contains("文件为空");
        assertThat(results.get(2).get("error").asString()).contains("年度报告");
        assertThat(results.get(3).get("report").get("publishedOn").asString()).isEqualTo("2021-02-08");
    }

    @Test
    void printsExactlyTheShapeOfTheAssessmentSpec() {
        assertThat(run("--facts", Samples.DIR.resolve("004_e93a6eea8c407df3.txt").toString())).isZero();
        JsonNode a = JsonMapper.builder().build().readTree(out.toString(StandardCharsets.UTF_8)).get(0);

        assertThat(a.propertyNames()).containsExactly("source", "report", "ruleset", "score", "maxScore", "grade",
                "categories", "checks", "findings", "flags", "facts");
        assertThat(a.get("report").propertyNames()).containsExactly("agency", "year", "format", "level", "publishedOn",
                "publishedOnSource", "completeness");
        assertThat(a.get("categories").get(0).propertyNames()).containsExactly("id", "name", "score", "max");
        assertThat(a.get("checks").get(0).propertyNames()).containsExactly("id", "category", "outcome", "points", "earned");
        for (JsonNode f : a.get("findings")) {
            assertThat(f.propertyNames()).containsExactly("ruleId", "check", "category", "severity", "deduction",
                    "message", "suggestion", "evidence");
            assertThat(f.get("evidence").propertyNames()).containsExactly("section", "table", "row", "column",
                    "expected", "actual", "line", "excerpt");
        }
        assertThat(a.get("facts").get("cells").get(0).propertyNames())
                .containsExactly("table", "row", "column", "value", "raw", "line");
        assertThat(a.get("facts").get("sections").valueStream().map(JsonNode::asInt)).containsExactly(1, 2, 3, 5, 6);
    }

    @Test
    void scoresEachReportOfAZipArchiveAndEachFormat() throws IOException {
        Path archive = dir.resolve("reports.zip");
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(archive))) {
            for (String name : List.of("000_0b909c2a4ee59f11.txt", "003_a08e251a7459b3ee.txt")) {
                zip.putNextEntry(new java.util.zip.ZipEntry("2023/" + name));
                zip.write(Samples.bytes(name));
                zip.closeEntry();
            }
        }
        Files.write(dir.resolve("report.docx"), org.nianbao.reading.Formats.docx(Samples.text("001_0f3a3c160bddc4d1.txt")));

        int status = run(dir.toString());

        assertThat(status).isZero();
        JsonNode results = JsonMapper.builder().build().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(results.valueStream().map(r -> r.get("source").asString().replace(dir.toString(), "")))
                .containsExactly("/report.docx", "/reports.zip!/2023/000_0b909c2a4ee59f11.txt",
                        "/reports.zip!/2023/003_a08e251a7459b3ee.txt");
        assertThat(results.get(0).get("report").get("agency").asString()).isEqualTo("清镇市人民政府办公室");
    }

    @Test
    void writesOneCsvLinePerReport() {
        int status = run("--format", "csv", Samples.DIR.resolve("000_0b909c2a4ee59f11.txt").toString());

        assertThat(status).isZero();
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\r?\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).startsWith("source,agency,year");
        assertThat(lines[1]).contains("衢州市应急管理局", "2023");
    }

    @Test
    void writesACsvLineForAReportWithNeitherYearNorAFormatItsTablesShow() throws IOException {
        // tables printed as pictures, and no year anywhere: no format to print
        Path report = dir.resolve("no-year.txt");
        Files.writeString(report, Files.readString(Samples.RULES.resolve("tests/reports/tables-as-images.txt"))
                .replace("2023年", "本年").replace("2024年", "次年"));
        int status = run("--format", "csv", report.toString());

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\r?\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[1]).contains("no-year.txt,衢州市应急管理局,,department,,");
    }

    @Test
    void writesAWorkbookOfScoresAndFindings() throws IOException {
        assertThat(run("--format", "xlsx", Samples.DIR.resolve("004_e93a6eea8c407df3.txt").toString())).isZero();

        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(out.toByteArray()))) {
            var scores = book.getSheet("评分");
            assertThat(scores.getLastRowNum()).isEqualTo(1);
            assertThat(scores.getRow(1).getCell(1).getStringCellValue()).isEqualTo("忻州市应急管理局");
            assertThat(scores.getRow(1).getCell(6).getNumericCellValue()).isEqualTo(53.49);
            var findings = book.getSheet("问题");
            assertThat(findings.getLastRowNum()).isEqualTo(25);
            assertThat(findings.getRow(1).getCell(2).getStringCellValue()).isEqualTo("TIME-SIGNATURE-DATE-IMPOSSIBLE");
            assertThat(findings.getRow(2).getCell(2).getStringCellValue()).isEqualTo("TIME-SIGNED-IN-REPORT-YEAR");
        }
    }

    @Test
    void comparesWithLastYearsReportWhenGivenOne() {
        assertThat(run("--previous", "src/test/resources/pdf/hongze-2023.pdf", "src/test/resources/pdf/hongze-2024.pdf")).isZero();
        JsonNode checks = JsonMapper.builder().build().readTree(out.toString(StandardCharsets.UTF_8)).get(0).get("checks");

        assertThat(checks.valueStream().filter(c -> c.get("id").asString().equals("A6")).findFirst().orElseThrow()
                .get("outcome").asString()).isEqualTo("passed");
    }

    @Test
    void explainsABadOption() {
        assertThat(run("--format", "pdf", "x.txt")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--format");
        assertThat(out.size()).isZero();
    }

    @Test
    void refusesABrokenRulesFolderWithItsProblems() throws IOException {
        Files.writeString(dir.resolve("x.drl"), "package rules.x;\nrule \"X\" when Report( then end\n");

        assertThat(run("--rules", dir.toString(), Samples.DIR.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("x.drl");
    }

    @Test
    void scoresFromAnEmptyFolderElsewhereWithTheRulesTheJarCarriesAsFromTheProjectFolder() throws Exception {
        Path sample = Samples.DIR.resolve("004_e93a6eea8c407df3.txt").toAbsolutePath();
        assertThat(run("--format", "csv", sample.toString())).isZero();
        String here = out.toString(StandardCharsets.UTF_8);

        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), org.nianbao.Main.class.getName(),
                "score", "--format", "csv", sample.toString()).directory(elsewhere.toFile())
                .redirectError(dir.resolve("stderr.txt").toFile()).start();
        String there = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        String problems = Files.readString(dir.resolve("stderr.txt"));

        assertThat(p.waitFor()).as(problems).isZero();
        assertThat(there.strip()).isEqualTo(here.strip());
        assertThat(problems).doesNotContain("规则目录不存在");
        try (var left = Files.list(elsewhere)) {
            assertThat(left).isEmpty(); // nothing written where it ran
        }
    }
}
