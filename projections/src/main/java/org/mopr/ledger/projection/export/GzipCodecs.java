package org.mopr.ledger.projection.export;

import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * GZIP pages with the JDK's own deflater (fastest level: an export is written once and mostly bounded by the
 * database). parquet-java's own codec factory goes through Hadoop's codec classes; this one needs nothing but the JDK,
 * which keeps Hadoop, Snappy and Zstandard (and their native libraries) out of the application.
 * Writing only: the export never reads Parquet back.
 */
final class GzipCodecs implements CompressionCodecFactory {

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codecName) {
        if (codecName != CompressionCodecName.GZIP) {
            throw new IllegalArgumentException("only GZIP is supported, not " + codecName);
        }
        return new BytesInputCompressor() {
            private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(1 << 16);

            @Override
            public BytesInput compress(BytesInput bytes) throws IOException {
                buffer.reset();
                try (OutputStream gzip = new FastGzip(buffer)) {
                    bytes.writeAllTo(gzip);
                }
                return BytesInput.from(buffer.toByteArray());
            }

            @Override
            public CompressionCodecName getCodecName() {
                return CompressionCodecName.GZIP;
            }

            @Override
            public void release() {
            }
        };
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codecName) {
        throw new UnsupportedOperationException("the export writes Parquet only");
    }

    @Override
    public void release() {
    }

    private static final class FastGzip extends GZIPOutputStream {
        FastGzip(OutputStream out) throws IOException {
            super(out, 1 << 16);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }
}
