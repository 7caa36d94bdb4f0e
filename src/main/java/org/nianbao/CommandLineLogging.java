package org.nianbao;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.core.ConsoleAppender;
import org.slf4j.LoggerFactory;

/** On the command line standard output carries only the result: log warnings go to standard error. */
final class CommandLineLogging {

    private CommandLineLogging() {
    }

    static void toStandardError() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        context.reset();
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
    }
}
