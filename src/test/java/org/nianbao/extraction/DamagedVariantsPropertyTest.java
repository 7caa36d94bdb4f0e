package org.nianbao.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nianbao.Samples;
import org.nianbao.assessment.Assessment;
import org.nianbao.assessment.AssessmentOptions;
import org.nianbao.reading.RejectedInput;

/**
 * The five samples damaged the ways real copies are damaged — cut anywhere, lines joined, separators dropped,
 * full-width and half-width characters swapped, site chrome inserted, white space shuffled — give an assessment
 * or a clear refusal, never an internal error; and no table cell is read as a number other than the undamaged
 * report's (a cell that cannot be placed may come out blank: their number is printed).
 *
 * <p>A fixed seed makes each run the same. {@code mvn verify} runs 2,000 of them, {@code .ci/run} 10,000 (beside the
 * slow tests, by its tag), and {@code -Dnianbao.variants=100000} runs more.
 */
@org.junit.jupiter.api.Tag("variants")
class DamagedVariantsPropertyTest {

    private static final long SEED = 20261201L;
    /** Some line breaks lost at random, others kept: two cells of a one-cell-per-line table may run into one number. */
    private static final String PARTLY_JOINED = "lines partly joined";
    private static final int VARIANTS = Integer.getInteger("nianbao.variants", 2_000);
    private static final String[] CHROME = {
        "当前位置: 首页 > 政务公开 > 政府信息公开年报 > 正文", "字号:[ 大 中 小 ] 打印本页 关闭窗口",
        "扫一扫在手机打开当前页", "分享到: 微信 微博 QQ空间", "【我要纠错】 【打印】 【关闭】",
        "主办单位:某某市人民政府办公室 网站标识码:1234000001 ICP备案号:皖ICP备05001234号"};

    /** What one damage does to a sample, and whether the cells it leaves must still be the sample's own. */
    private record Variant(String kind, byte[] bytes) {
    }

    @Test
    void everyDamagedVariantIsAssessedOrRefusedClearlyAndNoCellIsWrong() {
        Random random = new Random(SEED);
        Map<String, Map<String, Number>> truth = new HashMap<>();
        for (String name : Samples.NAMES) {
            truth.put(name, IncompleteReportsTest.cells(Samples.assess(name)));
        }
        Map<String, Integer> assessed = new java.util.concurrent.ConcurrentHashMap<>();
        Map<String, Integer> refused = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.Set<Integer> blankedVariants = java.util.concurrent.ConcurrentHashMap.newKeySet();
        // the variants made one after another from the seed (the same ones every run), assessed on every core in
        // batches small enough to keep few of them in memory at once
        for (int from = 0; from < VARIANTS; from += BATCH) {
            List<Damaged> batch = new ArrayList<>();
            for (int i = from; i < Math.min(VARIANTS, from + BATCH); i++) {
                String name = Samples.NAMES.get(random.nextInt(Samples.NAMES.size()));
                batch.add(new Damaged(i, name, damage(Samples.text(name), random)));
            }
            batch.parallelStream().forEach(d -> check(d, truth, assessed, refused, blankedVariants));
        }
        System.out.printf("%d damaged variants: assessed %s, refused %s; %d with a cell read as blank%n",
                VARIANTS, assessed, refused, blankedVariants.size());
        // a variant that still has its title or a heading is a report: nearly all are assessed
        assertThat(assessed.values().stream().mapToInt(Integer::intValue).sum()).isGreaterThan(VARIANTS * 9 / 10);
    }

    /** Variants made and assessed at a time. */
    private static final int BATCH = 200;

    /** The {@code i}th variant, of sample {@code name}. */
    private record Damaged(int i, String name, Variant variant) {
    }

    private static void check(Damaged d, Map<String, Map<String, Number>> truth, Map<String, Integer> assessed,
                              Map<String, Integer> refused, java.util.Set<Integer> blankedVariants) {
        int i = d.i();
        String name = d.name();
        Variant v = d.variant();
        try {
            Assessment a = Samples.assessor().assess(name, v.bytes(), AssessmentOptions.NONE);
            assessed.merge(v.kind(), 1, Integer::sum);
            Map<String, Number> right = truth.get(name);
            for (var c : a.facts().cells()) {
                String key = c.table() + "/" + c.row() + "/" + c.column();
                if (right.containsKey(key) && c.value() == null && right.get(key) != null) {
                    blankedVariants.add(i); // a cell that could not be placed is read as blank, never as a number
                } else if (right.containsKey(key) && !java.util.Objects.equals(right.get(key), c.value())) {
                    fail("variant %d (%s of %s): %s read as %s, the report has %s"
                            .formatted(i, v.kind(), name, key, c.value(), right.get(key)));
                }
            }
        } catch (RejectedInput e) {
            refused.merge(v.kind(), 1, Integer::sum);
        } catch (RuntimeException e) {
            throw new AssertionError("variant %d (%s of %s) ended in an internal error".formatted(i, v.kind(), name), e);
        }
    }

    private static Variant damage(String text, Random random) {
        return switch (random.nextInt(7)) {
            case 0 -> {
                byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                int cut = 1 + random.nextInt(bytes.length - 1);
                yield new Variant("cut", java.util.Arrays.copyOf(bytes, cut));
            }
            case 1 -> new Variant(PARTLY_JOINED, utf8(joinLines(text, random, 0.3)));
            case 2 -> new Variant("separators dropped", utf8(text.replace("|", random.nextBoolean() ? "" : " ")));
            case 3 -> new Variant("run together", utf8(text.replace("\n", "").replace("|", "")));
            case 4 -> new Variant("width swapped", utf8(swapWidth(text, random)));
            case 5 -> new Variant("site chrome", utf8(withChrome(text, random)));
            default -> new Variant("white space", utf8(shuffleWhiteSpace(text, random)));
        };
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String joinLines(String text, Random random, double share) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' && random.nextDouble() < share) {
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }

    /** Digits, letters and ASCII punctuation to their full-width forms and back, at random. */
    private static String swapWidth(String text, Random random) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '!' && c <= '~' && c != '|' && random.nextInt(3) == 0) {
                out.append((char) (c + 0xFEE0));
            } else if (c >= '\uFF01' && c <= '\uFF5E' && random.nextInt(3) == 0) {
                out.append((char) (c - 0xFEE0));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String withChrome(String text, Random random) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        for (int k = 0; k < 1 + random.nextInt(3); k++) {
            String chrome = CHROME[random.nextInt(CHROME.length)];
            lines.add(random.nextBoolean() ? 0 : lines.size(), chrome);
        }
        return String.join("\n", lines);
    }

    /**
     * Spaces added or removed around the text of lines, blank lines added, CRLF line ends. (Tabs are left alone:
     * in a tab-separated layout a tab is a cell.)
     */
    private static String shuffleWhiteSpace(String text, Random random) {
        StringBuilder out = new StringBuilder(text.length() + 256);
        boolean crlf = random.nextBoolean();
        for (String line : text.split("\n", -1)) {
            String l = switch (random.nextInt(4)) {
                case 0 -> "  " + line;
                case 1 -> line.strip() + "\u3000";
                case 2 -> " " + line + " ";
                default -> line;
            };
            out.append(l).append(crlf ? "\r\n" : "\n");
            if (random.nextInt(10) == 0) {
                out.append(crlf ? "\r\n" : "\n");
            }
        }
        return out.toString();
    }
}
