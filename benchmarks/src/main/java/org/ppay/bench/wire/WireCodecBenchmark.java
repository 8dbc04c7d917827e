package org.ppay.bench.wire;

import java.util.concurrent.TimeUnit;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.ppay.bench.Inputs;
import org.ppay.core.wire.MessageType;
import org.ppay.core.wire.WireFormat;
import org.ppay.core.wire.WireMessages;

/**
 * What encoding and decoding one message of each type costs, without its signature (which is copied, not made): the
 * flyweights writing every field and embedded message in place, and reading every field back after the structural
 * validation a receiver runs first. Coins are self-printed, as in the cost model.
 *
 * <p>Unit: ns/op, average time. Run with the GC profiler: {@code gc.alloc.rate.norm} (bytes allocated per op) should be
 * 0. Run: {@code java -jar benchmarks/target/benchmarks.jar WireCodecBenchmark -prof gc}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = Inputs.AGRONA_EXPORTS)
@State(Scope.Thread)
public class WireCodecBenchmark {

    @Param({"RAW_COIN", "LIMIT_CERTIFICATE", "SELF_PRINTED_COIN", "ASSIGNMENT", "BROKER_ASSIGNMENT",
        "REASSIGNMENT_REQUEST", "LAYERED_COIN", "RENEWAL_REQUEST", "CASH_REQUEST", "PAYWORD_COMMITMENT",
        "LOTTERY_TICKET"})
    public String messageType;

    /** The suite's signature length: 64 for Ed25519 and ECDSA P-256, 256 for RSA-2048. */
    @Param({"64"})
    public int signatureBytes;

    private Codec codec;
    private WireFormat format;
    private UnsafeBuffer[] encoded;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        MessageType type;
        try {
            type = MessageType.valueOf(messageType);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("unknown messageType " + messageType, e);
        }
        format = new WireFormat(signatureBytes, 4);
        codec = new Codec(format, type);
        encoded = new UnsafeBuffer[Inputs.COUNT];
        for (int i = 0; i < encoded.length; i++) {
            UnsafeBuffer buffer = new UnsafeBuffer(new byte[codec.maxLength()]);
            int length = codec.encode(buffer, i);
            encoded[i] = new UnsafeBuffer(buffer.byteArray(), 0, length);
            if (WireMessages.validate(format, encoded[i], 0, length) != type) {
                throw new IllegalStateException(messageType + ": encoded message does not validate as its type");
            }
            if (codec.decode(encoded[i], length) != codec.expectedChecksum(i)) {
                throw new IllegalStateException(messageType + ": decoded fields differ from the encoded ones");
            }
        }
    }

    /** Writes every field and embedded message of one message; returns its length. */
    @Benchmark
    public int encode() {
        return codec.encode(codec.output(), next++ & Inputs.MASK);
    }

    /** Validates one message and reads every field; returns a checksum of the fields. */
    @Benchmark
    public long decode() {
        UnsafeBuffer message = encoded[next++ & Inputs.MASK];
        return codec.decode(message, message.capacity());
    }
}
