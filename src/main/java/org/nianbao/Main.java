package org.nianbao;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.nianbao.cli.RulesCommand;
import org.nianbao.cli.ScoreCommand;
import org.nianbao.policy.RulesReadAhead;
import org.springframework.boot.SpringApplication;

/**
 * {@code java -jar nianbao.jar score …} scores files and {@code rules …} checks and compares rulesets, without
 * starting the web server;
 * with no command the service starts, and {@code --help} says all three.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && (args[0].equals("score") || args[0].equals("rules"))) {
            CommandLineLogging.toStandardError();
            PrintStream out = utf8(FileDescriptor.out, false);
            PrintStream err = utf8(FileDescriptor.err, true);
            String[] rest = Arrays.copyOfRange(args, 1, args.length);
            int status = args[0].equals("score") ? ScoreCommand.run(rest, out, err) : RulesCommand.run(rest, out, err);
            out.flush();
            System.exit(status);
        }
        if (args.length == 1 && List.of("-h", "--help", "help").contains(args[0])) {
            PrintStream out = utf8(FileDescriptor.out, false);
            out.println("用法: java -jar nianbao.jar [--server.port=PORT]   启动服务（默认端口 8080）");
            out.println();
            ScoreCommand.run(new String[] {"--help"}, out, out);
            out.println();
            RulesCommand.run(new String[] {"--help"}, out, out);
            out.flush();
            System.exit(0);
        }
        boundTemporaryDirectBuffers();
        SpringApplication service = new SpringApplication(NianbaoApplication.class);
        service.addListeners(new RulesReadAhead());
        service.run(args);
    }

    /** UTF-8 whatever the platform's locale, so that Chinese output survives a POSIX shell. */
    private static PrintStream utf8(FileDescriptor stream, boolean autoFlush) {
        return new PrintStream(new FileOutputStream(stream), autoFlush, StandardCharsets.UTF_8);
    }

    /**
     * The JDK keeps, per thread, a direct buffer as large as the largest write that thread made through a heap
     * buffer; the embedded database writes a large upload's rows from the request's own thread, so under load every
     * request thread would keep tens of megabytes outside the heap until direct memory runs out. Above 256 KiB the
     * buffer is freed after the write instead (unless the property is given on the command line).
     */
    static void boundTemporaryDirectBuffers() {
        if (System.getProperty("jdk.nio.maxCachedBufferSize") == null) {
            System.setProperty("jdk.nio.maxCachedBufferSize", String.valueOf(256 * 1024));
        }
    }
}
