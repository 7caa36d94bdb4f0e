package org.nianbao.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.nianbao.reading.Document;
import org.nianbao.reading.Formats;
import org.nianbao.reading.Readers;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading one report into the document model, per format: sample 001 as text, as a web page and as a Word
 * document with real tables; the real published PDF huaian-2024 (6 pages).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Dlogback.configurationFile=src/build/logback.xml") // errors only, as the service logs the engine
public class ReadBenchmark {

    @Param({"text", "html", "docx", "pdf"})
    public String format;

    private byte[] bytes;

    @Setup
    public void setUp() throws Exception {
        String text = Files.readString(Path.of("src/test/resources/samples/001_0f3a3c160bddc4d1.txt"));
        bytes = switch (format) {
            case "html" -> Formats.html(text, "2024-01-31");
            case "docx" -> Formats.docx(text);
            case "pdf" -> Files.readAllBytes(Path.of("src/test/resources/pdf/huaian-2024.pdf"));
            default -> text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        };
    }

    @Benchmark
    public Document read() {
        return Readers.read("bench." + format, bytes);
    }
}
