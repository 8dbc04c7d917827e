package org.ppay.core.audit;

/**
 * What opening an existing trail found on disk.
 *
 * @param segments          segment files found
 * @param records           intact records kept
 * @param recordBytes       bytes of intact records kept (headers included)
 * @param truncatedBytes    bytes removed (zeroed) after the segments' sync marks, over all segments: a torn or
 *                          damaged tail, and the records appended after it, which no completed sync covered
 * @param truncatedSegments segments whose tail was truncated
 * @param temporaryFiles    half-created segment files removed
 */
public record RecoveryReport(int segments, long records, long recordBytes, long truncatedBytes, int truncatedSegments,
                             int temporaryFiles) {

    /** True when the trail was closed cleanly or crashed between records: nothing had to be removed. */
    public boolean clean() {
        return truncatedBytes == 0 && temporaryFiles == 0;
    }
}
