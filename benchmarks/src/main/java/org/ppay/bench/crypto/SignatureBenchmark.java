package org.ppay.bench.crypto;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.util.concurrent.TimeUnit;
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
import org.ppay.core.crypto.SignatureSuite;

/**
 * What one signature and one verification cost, per suite, over a message the size of a coin record.
 *
 * <p>Unit: ns/op, average time. The message is {@code messageBytes} long (172 = an Ed25519 assignment (2) of a raw coin,
 * the record most often signed); 64 distinct messages are cycled so nothing is constant-folded.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar SignatureBenchmark -p suite=ed25519-bc}. The default
 * {@code suite} list names every suite ppay knows; {@code ./ppay bench} passes only the ones available here.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = Inputs.AGRONA_EXPORTS)
@State(Scope.Thread)
public class SignatureBenchmark {

    @Param({"172"})
    public int messageBytes;

    private SignatureSuite signatureSuite;
    private PrivateKey privateKey;
    private byte[] publicKey;
    private byte[][] messages;
    private byte[][] signatures;
    private byte[] signatureOut;
    private int next;

    @Setup(Level.Trial)
    public void setUp(SuiteChoice choice) {
        signatureSuite = choice.resolve();
        KeyPair keyPair = signatureSuite.generateKeyPair(Inputs.random(1));
        privateKey = keyPair.getPrivate();
        publicKey = signatureSuite.publicKeyBytes(keyPair.getPublic());
        messages = Inputs.randomMessages(2, messageBytes);
        signatures = new byte[messages.length][];
        for (int i = 0; i < messages.length; i++) {
            signatures[i] = signatureSuite.sign(privateKey, messages[i]);
        }
        signatureOut = new byte[signatureSuite.signatureLength()];
        Suites.selfCheck(signatureSuite, publicKey, messages, signatures);
    }

    @Benchmark
    public byte[] sign() {
        byte[] message = messages[next++ & Inputs.MASK];
        signatureSuite.sign(privateKey, message, 0, message.length, signatureOut, 0);
        return signatureOut;
    }

    @Benchmark
    public boolean verify() {
        int i = next++ & Inputs.MASK;
        return signatureSuite.verify(publicKey, messages[i], signatures[i]);
    }
}
