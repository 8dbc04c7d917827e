package org.ppay.core.coin;

import org.agrona.concurrent.UnsafeBuffer;
import org.ppay.core.crypto.SignatureSuite;
import org.ppay.core.peer.KeyDirectory;
import org.ppay.core.peer.ProtocolException;
import org.ppay.core.peer.ProtocolException.Reason;
import org.ppay.core.wire.MalformedMessageException;
import org.ppay.core.wire.WireFormat;
import org.ppay.core.wire.WireMessages;

/**
 * A reusable view of one payment instrument in a byte array: a coin (raw (1) or self-printed (7)), an assignment
 * ((2), (5), (9), (11)) of a coin, or a layered coin (8) around an assignment. {@link #parse} checks the structure,
 * {@link #verify} every signature and the chain of layers.
 *
 * <p>The instrument is a chain of <em>holdings</em>: holding 0 is the assignment's (sequence number, holder) — or
 * (0, owner) for a bare coin — and holding j is layer j's (seq, to). Layer j is holding j-1's proof of
 * relinquishment. Not thread-safe; one per role.
 *
 * <p>A holder holds at most Max Layers layers; the owner peels a coin carrying one more, the layer that pays the
 * next holder, so the parser accepts Max Layers + 1 and the roles check their own limit.
 */
public final class Instrument {

    private final int signatureLength;
    private final int maxLayers;
    private final int[] layerOffset;
    private final int[] layerLength;
    /** "layer 1", "layer 2", ...: made once, so checking a layer's signature builds no string. */
    private final String[] layerNames;
    private final WireFormat format;
    private final UnsafeBuffer view = new UnsafeBuffer(new byte[0]);
    private final DirectoryCheck directoryCheck = new DirectoryCheck();

    private byte[] buffer;
    private int offset;
    private int length;
    private int coinType;
    private int coinOffset;
    private int coinLength;
    private long owner;
    private long serial;
    private int certOffset;
    private long certLow;
    private long certHigh;
    private int assignmentType;
    private int assignmentOffset;
    private int assignmentLength;
    private int layers;

    public Instrument(int signatureLength, int maxLayers) {
        if (signatureLength < 1 || maxLayers < 0) {
            throw new IllegalArgumentException("signature length " + signatureLength + ", max layers " + maxLayers);
        }
        this.signatureLength = signatureLength;
        this.maxLayers = maxLayers;
        this.layerOffset = new int[maxLayers + 2];
        this.layerLength = new int[maxLayers + 2];
        this.layerNames = new String[maxLayers + 2];
        for (int j = 0; j < layerNames.length; j++) {
            layerNames[j] = "layer " + (j + 1);
        }
        this.format = new WireFormat(signatureLength, maxLayers + 1);
    }

    /** Parses a whole message; a missing one ({@code null}) is {@link Reason#MALFORMED}, as any other bad bytes. */
    public Instrument parse(byte[] message) {
        if (message == null) {
            throw malformed("no message (null)");
        }
        return parse(message, 0, message.length);
    }

    /** Parses {@code buffer[offset, offset + length)}; throws {@link Reason#MALFORMED} or {@link Reason#BAD_LAYERS}. */
    public Instrument parse(byte[] buffer, int offset, int length) {
        this.buffer = buffer;
        this.offset = offset;
        this.length = length;
        this.layers = 0;
        this.assignmentType = 0;
        if (buffer == null || offset < 0 || length < Layout.HEADER || offset + length > buffer.length) {
            throw malformed("instrument slice is empty or outside its buffer");
        }
        view.wrap(buffer);
        try {
            WireMessages.validate(format, view, offset, length);
        } catch (MalformedMessageException e) {
            throw new ProtocolException(e.problem().contains("layers") ? Reason.BAD_LAYERS : Reason.MALFORMED,
                    e.getMessage(), e);
        }
        int at = offset;
        int len = length;
        int found = 0;
        while (type(at) == Layout.LAYERED_COIN) {
            checkHeader(at);
            if (found == maxLayers + 1) {
                throw new ProtocolException(Reason.BAD_LAYERS, "more than " + maxLayers + " layers and a paying one");
            }
            if (len < Layout.LAYER_INNER + Layout.HEADER + signatureLength) {
                throw malformed("layered coin of " + len + " bytes is too short");
            }
            layerOffset[found] = at;
            layerLength[found] = len;
            found++;
            at += Layout.LAYER_INNER;
            len -= Layout.LAYER_INNER + signatureLength;
        }
        layers = found;
        reverseLayers();
        final int t = type(at);
        if (t == Layout.ASSIGNMENT || t == Layout.BROKER_ASSIGNMENT) {
            checkHeader(at);
            assignmentType = t;
            assignmentOffset = at;
            assignmentLength = len;
            parseCoin(at + Layout.ASSIGN_COIN, len - Layout.ASSIGN_COIN - signatureLength);
        } else if (t == Layout.RAW_COIN || t == Layout.SELF_PRINTED_COIN) {
            if (layers > 0) {
                throw malformed("a layer must wrap an assignment or a layer, not a bare coin");
            }
            parseCoin(at, len);
        } else {
            throw malformed(String.format("type 0x%02x is not a coin, an assignment or a layered coin", t));
        }
        return this;
    }

    private void reverseLayers() {
        for (int i = 0, j = layers - 1; i < j; i++, j--) {
            final int o = layerOffset[i];
            layerOffset[i] = layerOffset[j];
            layerOffset[j] = o;
            final int l = layerLength[i];
            layerLength[i] = layerLength[j];
            layerLength[j] = l;
        }
    }

    private void parseCoin(int at, int len) {
        if (len < Layout.HEADER) {
            throw malformed("no room for the coin");
        }
        checkHeader(at);
        coinType = type(at);
        coinOffset = at;
        coinLength = len;
        if (coinType == Layout.RAW_COIN) {
            expectLength("raw coin", len, Layout.RAW_FIXED + signatureLength);
            owner = Bytes.getLong(buffer, at + Layout.RAW_OWNER);
            serial = Bytes.getLong(buffer, at + Layout.RAW_SERIAL);
        } else if (coinType == Layout.SELF_PRINTED_COIN) {
            expectLength("self-printed coin", len, Layout.SELF_CERT + Layout.CERT_FIXED + 2 * signatureLength);
            certOffset = at + Layout.SELF_CERT;
            checkHeader(certOffset);
            if (type(certOffset) != Layout.LIMIT_CERTIFICATE) {
                throw malformed("a self-printed coin must embed a limit certificate");
            }
            serial = Bytes.getLong(buffer, at + Layout.SELF_SERIAL);
            owner = Bytes.getLong(buffer, certOffset + Layout.CERT_OWNER);
            certLow = Bytes.getLong(buffer, certOffset + Layout.CERT_LOW);
            certHigh = Bytes.getLong(buffer, certOffset + Layout.CERT_HIGH);
        } else {
            throw malformed(String.format("type 0x%02x is not a coin", coinType));
        }
    }

    /**
     * Checks every signature (coin, certificate, assignment, layers), the certificate's range, and that the layers
     * chain: each layer is signed by the holder of what it wraps and raises the sequence number.
     */
    public void verify(KeyDirectory keys, SignatureSuite suite, long brokerId) {
        verify(directoryCheck.using(keys, suite), brokerId);
    }

    /**
     * As {@link #verify(KeyDirectory, SignatureSuite, long)}, each signature through {@code checks}, in this order:
     * certificate, coin (or the raw coin), assignment, layers innermost first.
     */
    public void verify(SignatureCheck checks, long brokerId) {
        checkLayerChain();
        if (coinType == Layout.SELF_PRINTED_COIN && (serial < certLow || serial > certHigh)) {
            throw new ProtocolException(Reason.SERIAL_OUT_OF_RANGE, "serial " + serial + " outside the certificate's "
                    + certLow + ".." + certHigh);
        }
        if (coinType == Layout.RAW_COIN) {
            checks.check(brokerId, buffer, coinOffset, coinLength, "raw coin");
        } else {
            checks.checkCertificate(brokerId, buffer, certOffset, Layout.CERT_FIXED + signatureLength);
            checks.check(owner, buffer, coinOffset, coinLength, "self-printed coin");
        }
        if (assignmentType != 0) {
            final long signer = assignmentType == Layout.ASSIGNMENT ? owner : brokerId;
            checks.check(signer, buffer, assignmentOffset, assignmentLength, "assignment");
        }
        verifyLayerSignatures(checks);
    }

    /**
     * Checks the layers only: that they chain and every layer's signature. For a reader that knows the bytes under
     * the layers (the coin's owner, who made the coin and the assignment) and so need not check those signatures.
     */
    public void verifyLayers(KeyDirectory keys, SignatureSuite suite) {
        checkLayerChain();
        verifyLayerSignatures(directoryCheck.using(keys, suite));
    }

    private void checkLayerChain() {
        for (int j = 0; j < layers; j++) {
            final long from = layerFrom(j);
            if (from != holder(j)) {
                throw new ProtocolException(Reason.BAD_LAYERS, "layer " + (j + 1) + " is signed by peer " + from
                        + " but wraps a holding of peer " + holder(j));
            }
            if (seq(j + 1) <= seq(j)) {
                throw new ProtocolException(Reason.BAD_LAYERS, "layer " + (j + 1) + " has sequence number "
                        + seq(j + 1) + ", not above " + seq(j));
            }
        }
    }

    private void verifyLayerSignatures(SignatureCheck checks) {
        for (int j = 0; j < layers; j++) {
            checks.check(layerFrom(j), buffer, layerOffset[j], layerLength[j], layerNames[j]);
        }
    }

    /** Checks through {@code keys} and {@code suite}, reusing this instrument's checker (allocates nothing). */
    SignatureCheck directoryCheck(KeyDirectory keys, SignatureSuite suite) {
        return directoryCheck.using(keys, suite);
    }

    // ---- what the instrument says ----

    public long owner() {
        return owner;
    }

    /** Max Layers: the most layers a holder may hold. */
    public int maxLayers() {
        return maxLayers;
    }

    /** Throws {@link Reason#BAD_LAYERS} when the instrument has more layers than a holder may hold. */
    public void checkHoldable() {
        if (layers > maxLayers) {
            throw new ProtocolException(Reason.BAD_LAYERS, layers + " layers, more than the " + maxLayers
                    + " allowed");
        }
    }

    public long serial() {
        return serial;
    }

    /** True for a bare coin (no assignment). */
    public boolean isBareCoin() {
        return assignmentType == 0;
    }

    public boolean isBrokerAssignment() {
        return assignmentType == Layout.BROKER_ASSIGNMENT;
    }

    public int layers() {
        return layers;
    }

    /** Holdings are 0..layers(); the last one is the current holder's. */
    public int holdings() {
        return layers + 1;
    }

    /** The holder of holding {@code j}. */
    public long holder(int j) {
        if (j == 0) {
            return assignmentType == 0 ? owner : Bytes.getLong(buffer, assignmentOffset + Layout.ASSIGN_HOLDER);
        }
        return Bytes.getLong(buffer, layerOffset[j - 1] + Layout.LAYER_TO);
    }

    /** The sequence number of holding {@code j} (0 for a bare coin). */
    public long seq(int j) {
        if (j == 0) {
            return assignmentType == 0 ? 0 : Bytes.getUint(buffer, assignmentOffset + Layout.ASSIGN_SEQ);
        }
        return Bytes.getUint(buffer, layerOffset[j - 1] + Layout.LAYER_SEQ);
    }

    /** The signer of layer {@code j} (0-based, innermost first). */
    public long layerFrom(int j) {
        return Bytes.getLong(buffer, layerOffset[j] + Layout.LAYER_FROM);
    }

    public long finalHolder() {
        return holder(layers);
    }

    public long finalSeq() {
        return seq(layers);
    }

    public long timestamp() {
        return assignmentType == 0 ? 0 : Bytes.getUint(buffer, assignmentOffset + Layout.ASSIGN_TIMESTAMP);
    }

    /** The renewal window's start; 0 for a bare coin (no window). */
    public long renewalBegin() {
        return assignmentType == 0 ? 0 : Bytes.getUint(buffer, assignmentOffset + Layout.ASSIGN_BEGIN);
    }

    /** The renewal window's end; the instrument is void after it. {@code 0xFFFFFFFF} for a bare coin. */
    public long renewalEnd() {
        return assignmentType == 0 ? 0xFFFF_FFFFL : Bytes.getUint(buffer, assignmentOffset + Layout.ASSIGN_END);
    }

    public long certificateLow() {
        return certLow;
    }

    public long certificateHigh() {
        return certHigh;
    }

    public byte[] buffer() {
        return buffer;
    }

    public int offset() {
        return offset;
    }

    public int length() {
        return length;
    }

    public int coinOffset() {
        return coinOffset;
    }

    public int coinLength() {
        return coinLength;
    }

    public int assignmentOffset() {
        return assignmentOffset;
    }

    public int assignmentLength() {
        return assignmentLength;
    }

    /** Layer {@code j}'s bytes: holding j's proof of relinquishment. */
    public int layerOffset(int j) {
        return layerOffset[j];
    }

    public int layerLength(int j) {
        return layerLength[j];
    }

    public byte[] copy() {
        final byte[] copy = new byte[length];
        System.arraycopy(buffer, offset, copy, 0, length);
        return copy;
    }

    // ---- structure ----

    private int type(int at) {
        if (at >= offset + length) {
            throw malformed("message ends before a type byte at offset " + (at - offset));
        }
        return buffer[at] & 0xFF;
    }

    private void checkHeader(int at) {
        if (at + Layout.HEADER > offset + length) {
            throw malformed("truncated header at offset " + (at - offset));
        }
        if ((buffer[at + 1] & 0xFF) != Layout.VERSION) {
            throw malformed("version " + (buffer[at + 1] & 0xFF) + " at offset " + (at - offset) + ", expected "
                    + Layout.VERSION);
        }
    }

    private void expectLength(String what, int actual, int expected) {
        if (actual != expected) {
            throw malformed(what + " of " + actual + " bytes, expected " + expected);
        }
    }

    private static ProtocolException malformed(String message) {
        return new ProtocolException(Reason.MALFORMED, message);
    }
}
