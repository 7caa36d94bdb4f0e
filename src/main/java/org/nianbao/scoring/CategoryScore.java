package org.nianbao.scoring;

/** Points earned in a category out of the points of its applicable checks. */
public record CategoryScore(String id, String name, double score, double max) {
}
