package org.ppay.core.audit;

import java.nio.file.Path;

/** A trail's files cannot be read or written: unwritable directory, full disk, a file that is not a segment. */
public final class AuditTrailException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path path;

    public AuditTrailException(final Path path, final String problem) {
        super(problem + ": " + path);
        this.path = path;
    }

    public AuditTrailException(final Path path, final String problem, final Throwable cause) {
        super(problem + ": " + path + (cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")"), cause);
        this.path = path;
    }

    /** The file or directory the problem is about. */
    public Path path() {
        return path;
    }
}
