package org.nianbao;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.ConsoleAppender;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * On the command line standard output carries only the result: log warnings go to standard error.
 *
 * <p>The logging is named to SLF4J directly ({@code slf4j.provider}) and set up as it starts, so no thread ever logs
 * through a default set-up (which would write on standard output), and nothing searches the class path for a
 * provider or a configuration file (which opens every jar: a tenth of a short command's time). It starts on a thread
 * of its own, beside the command's start.
 */
public final class CommandLineLogging implements SLF4JServiceProvider {

    private final LoggerContext context = new LoggerContext();
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final LogbackMDCAdapter mdc = new LogbackMDCAdapter();

    /** For SLF4J, which makes the provider it is named. */
    public CommandLineLogging() {
    }

    /** Names this provider to SLF4J (unless another is named on the command line) and starts it beside the caller. */
    static void toStandardError() {
        if (System.getProperty("slf4j.provider") == null) {
            System.setProperty("slf4j.provider", CommandLineLogging.class.getName());
        }
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            System.setProperty("slf4j.internal.verbosity", "WARN"); // not its note that a provider was named
        }
        Thread start = new Thread(LoggerFactory::getILoggerFactory, "logging-start");
        start.setDaemon(true);
        start.start();
    }

    @Override
    public void initialize() {
        context.setName("command-line");
        context.setMDCAdapter(mdc);
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%level %logger{20} - %msg%n");
        encoder.start();
        ConsoleAppender<ch.qos.logback.classic.spi.ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setTarget("System.err");
        appender.setEncoder(encoder);
        appender.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        context.getLogger("org.drools").setLevel(Level.ERROR); // advice about rule style, not problems
        context.getLogger("org.apache.pdfbox").setLevel(Level.ERROR); // missing fonts in damaged PDFs
        context.getLogger("org.apache.fontbox").setLevel(Level.ERROR);
        context.getLogger("org.flywaydb").setLevel(Level.ERROR); // notes about the database version, not problems
        root.addAppender(appender);
        context.start();
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return context;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }
}
