package org.nianbao.submission;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What a ZIP of reports scored without an account may hold: at most {@code archiveEntries} reports
 * ({@code nianbao.limits.anonymous.archive-entries}, default 20) and {@code archiveCharacters} characters of text in
 * all ({@code nianbao.limits.anonymous.archive-characters}, default 2,000,000, as much as one report may hold). An
 * archive over either is refused whole, before anything of it is assessed or stored.
 */
@ConfigurationProperties("nianbao.limits.anonymous")
public record AnonymousLimits(@DefaultValue("20") int archiveEntries, @DefaultValue("2000000") long archiveCharacters) {
}
