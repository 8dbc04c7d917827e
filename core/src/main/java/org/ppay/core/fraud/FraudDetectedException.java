package org.ppay.core.fraud;

import org.ppay.core.peer.ProtocolException;

/** A message that proves fraud: it is refused, and the evidence names the culprit. */
public final class FraudDetectedException extends ProtocolException {

    private final transient Evidence evidence;

    public FraudDetectedException(Evidence evidence) {
        super(Reason.FRAUD, evidence.toString());
        this.evidence = evidence;
    }

    public Evidence evidence() {
        return evidence;
    }
}
