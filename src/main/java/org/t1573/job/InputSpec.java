package org.t1573.job;

import java.nio.file.Path;
import java.util.List;

/** Files or directories (recursively, {@code .gz} allowed) of one channel. */
public record InputSpec(String channel, List<Path> paths) {}
