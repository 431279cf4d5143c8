package org.end287g.tracker;

import java.time.LocalDate;

/** How many agreements one accepted participating sheet listed, by publication date. */
public record ListedCount(LocalDate publishedOn, int listed) {
}
