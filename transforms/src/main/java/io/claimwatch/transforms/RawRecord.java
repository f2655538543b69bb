package io.claimwatch.transforms;

import java.io.Serializable;

/** One input record as read: its file, its 1-based line (or record number) and its text. */
public record RawRecord(String file, long line, String text) implements Serializable {}
